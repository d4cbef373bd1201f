package io.fms.bench.baseline;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "fms.baseline.design=rowlock")
class RowLockIT extends LockingDesignContract {

    @Override
    boolean seatUnavailableMeansSold() {
        return true;
    }
}
