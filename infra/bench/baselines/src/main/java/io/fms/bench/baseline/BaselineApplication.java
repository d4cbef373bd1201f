package io.fms.bench.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One baseline booking server of the benchmark: the design FMS is measured against is chosen at start with
 * {@code --fms.baseline.design=rowlock|redislock|noop} (or {@code FMS_BASELINE_DESIGN}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }
}
