package io.fms.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailTimesTest {

    private static final Instant AT = Instant.parse("2027-06-01T14:00:00Z");

    @Test
    void aHoldsLengthIsRoundedDownToWhatATravellerCanRelyOn() {
        assertThat(EmailTimes.holdLength(AT, AT.plusSeconds(1800))).isEqualTo("30 minutes");
        assertThat(EmailTimes.holdLength(AT, AT.plusSeconds(179))).isEqualTo("2 minutes");
        assertThat(EmailTimes.holdLength(AT, AT.plusSeconds(60))).isEqualTo("1 minute");
        assertThat(EmailTimes.holdLength(AT, AT.plusSeconds(90))).isEqualTo("90 seconds");
        assertThat(EmailTimes.holdLength(AT, AT.plusSeconds(30))).isEqualTo("30 seconds");
        assertThat(EmailTimes.holdLength(AT, AT.plusMillis(1500))).isEqualTo("1 second");
    }

    @Test
    void aHoldWhoseLengthCannotBeToldHasNone() {
        assertThat(EmailTimes.holdLength(null, AT)).isNull();
        assertThat(EmailTimes.holdLength(AT, AT)).isNull();
        assertThat(EmailTimes.holdLength(AT, AT.minusSeconds(5))).isNull();
        assertThat(EmailTimes.holdLength(AT, AT.plusMillis(400))).isNull();
    }

    @Test
    void theDeadlineKeepsItsSecondsOnlyWhenTheMinuteWouldAlreadyHavePassed() {
        Instant deadline = Instant.parse("2027-06-01T14:05:40.900Z");

        assertThat(EmailTimes.deadline(deadline, Instant.parse("2027-06-01T13:50:40Z")))
                .isEqualTo("14:05 UTC on 1 June 2027");
        assertThat(EmailTimes.deadline(deadline, Instant.parse("2027-06-01T14:05:00Z")))
                .as("14:05 is not after the hold began")
                .isEqualTo("14:05:40 UTC on 1 June 2027");
        assertThat(EmailTimes.deadline(deadline, null)).isEqualTo("14:05 UTC on 1 June 2027");
    }
}
