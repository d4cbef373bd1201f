package io.fms.processor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessorPropertiesTest {

    @Test
    void concurrencyIsAtMostTheCommandPartitionCount() {
        ProcessorProperties twelveThreads = properties(12, 500);

        assertThatCode(() -> twelveThreads.requireConcurrencyWithin(12)).doesNotThrowAnyException();
        assertThatThrownBy(() -> twelveThreads.requireConcurrencyWithin(11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency 12 exceeds the 11 command partitions");
    }

    @Test
    void everySettingHasALimit() {
        assertThatThrownBy(() -> properties(0, 500)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> properties(2, 0)).hasMessageContaining("batch-size-max");
        assertThatThrownBy(() -> properties(2, ProcessorProperties.BATCH_SIZE_MAX + 1))
                .hasMessageContaining("batch-size-max");
        assertThatThrownBy(() -> new ProcessorProperties(2, 500, 5000, 5000, 10000, 500, 2000, 1000, 100))
                .hasMessageContaining("retry-max-interval-ms");
    }

    private static ProcessorProperties properties(int concurrency, int batchSizeMax) {
        return new ProcessorProperties(concurrency, batchSizeMax, 5000, 5000, 10000, 500, 200, 30000, 10000);
    }
}
