package io.fms.bench.baseline;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole contract again with seat locks that expire after a millisecond, long before the Postgres write: the
 * locks then protect almost nothing, and the conditional write alone must keep every seat sold at most once.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"fms.baseline.design=redislock", "fms.baseline.lock-ttl-ms=1"})
class RedisLockExpiringLocksIT extends LockingDesignContract {

    @Override
    boolean seatUnavailableMeansSold() {
        return false;
    }
}
