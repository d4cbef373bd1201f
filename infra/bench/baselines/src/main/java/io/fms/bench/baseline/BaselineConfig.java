package io.fms.bench.baseline;

import io.fms.bench.baseline.noop.NoopBaseline;
import io.fms.bench.baseline.redislock.RedisLockBaseline;
import io.fms.bench.baseline.rowlock.RowLockBaseline;
import io.fms.bench.baseline.store.BenchTables;
import io.fms.bench.baseline.store.BookingLedger;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the one design this process plays. Its schema is created here, while the context starts and before the
 * web server accepts a request, so {@code GET /health} is never UP without tables.
 */
@Configuration(proxyBeanMethods = false)
class BaselineConfig {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineConfig.class);

    @Bean
    Baseline baseline(
            BaselineProperties properties,
            ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<TransactionTemplate> transactions,
            ObjectProvider<StringRedisTemplate> redis) {
        Design design = properties.design();
        LOG.info("Playing the {} design", design.name().toLowerCase(Locale.ROOT));
        if (design == Design.NOOP) {
            return new NoopBaseline();
        }
        BenchTables tables = new BenchTables(jdbc.getObject(), transactions.getObject(), design);
        tables.create();
        BookingLedger ledger = new BookingLedger(jdbc.getObject(), tables.schema());
        return switch (design) {
            case ROWLOCK -> new RowLockBaseline(tables, ledger, jdbc.getObject(), transactions.getObject());
            case REDISLOCK ->
                new RedisLockBaseline(
                        tables, ledger, jdbc.getObject(), transactions.getObject(), redis.getObject(), properties);
            case NOOP -> throw new IllegalStateException("handled above");
        };
    }

    @Bean(destroyMethod = "close")
    HoldSweeper holdSweeper(Baseline baseline, BaselineProperties properties) {
        return new HoldSweeper(baseline, properties.holdSweepMs());
    }
}
