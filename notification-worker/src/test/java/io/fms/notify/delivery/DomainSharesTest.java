package io.fms.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainSharesTest {

    @Test
    void aKeyTakesUpToItsShareAndAWorkerGivenBackCanBeTakenAgain() {
        var shares = new DomainShares(2);

        assertThat(shares.tryTake("evil.co.uk")).isTrue();
        assertThat(shares.tryTake("evil.co.uk")).isTrue();
        assertThat(shares.tryTake("evil.co.uk")).as("past its share").isFalse();
        assertThat(shares.tryTake("example.com"))
                .as("another key's share is its own")
                .isTrue();

        shares.giveBack("evil.co.uk");
        assertThat(shares.tryTake("evil.co.uk")).isTrue();
        assertThat(shares.tryTake("evil.co.uk")).isFalse();
    }

    @Test
    void aKeyWhoseWorkersAreAllGivenBackStartsAfresh() {
        var shares = new DomainShares(1);
        assertThat(shares.tryTake("a.example")).isTrue();

        shares.giveBack("a.example");
        shares.giveBack("a.example");

        assertThat(shares.tryTake("a.example")).isTrue();
        assertThat(shares.tryTake("a.example"))
                .as("a second give-back gives nothing more")
                .isFalse();
    }

    @Test
    void aShareIsAtLeastOneWorker() {
        assertThatThrownBy(() -> new DomainShares(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
