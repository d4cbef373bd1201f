package io.fms.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingEvent;
import io.fms.events.BookingHeld;
import io.fms.events.RejectionReason;
import io.fms.notify.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EmailComposerTest {

    private static final String TO = "ada@example.com";
    private static final Instant HELD_AT = Instant.parse("2027-06-01T13:50:00.250Z");

    @Test
    void aHoldNamesItsSeatsAndTheDeadlineInUtcWhateverTheWorkersZoneAndLocale() {
        BookingHeld held = TestEvents.held(TO, null, HELD_AT, Duration.ofMinutes(15));

        // At this instant the JVM's date in UTC+14 is a day ahead of UTC's, its hour in UTC-11 half a day behind.
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC")) {
            EmailContent email = inZone(zone, Locale.GERMANY, () -> EmailComposer.compose(held));

            assertThat(email.text())
                    .contains("Your seats 12A, 12B are held for 15 minutes."
                            + " Pay by 14:05 UTC on 1 June 2027 to keep them.")
                    .contains("Pay by: 14:05 UTC on 1 June 2027")
                    .contains("Departure: Fri 12 Jun 2026, 09:30 UTC")
                    .contains("Seats: 12A, 12B")
                    .contains("the hold ends and the seats are released");
            assertThat(email.html()).contains("Pay by 14:05 UTC on 1 June 2027 to keep them.");
            assertThat(email.subject())
                    .isEqualTo("Seats held, pay by 14:05 UTC on 1 June 2027: FM101 LHR to JFK on 12 Jun 2026");
        }
    }

    @Test
    void aDeadlineAfterMidnightNamesTheNextDay() {
        var held = TestEvents.held(TO, null, Instant.parse("2027-06-01T23:50:30Z"), Duration.ofMinutes(30));

        assertThat(EmailComposer.compose(held).text()).contains("Pay by 00:20 UTC on 2 June 2027 to keep them.");
    }

    @Test
    void theDeadlineIsCutDownToTheMinuteNeverRoundedUp() {
        var held = TestEvents.held(TO, null, Instant.parse("2027-06-01T13:50:59Z"), Duration.ofSeconds(900));

        assertThat(EmailComposer.compose(held).text())
                .as("the real deadline is 14:05:59")
                .contains("Pay by 14:05 UTC on 1 June 2027")
                .doesNotContain("14:06");
    }

    @Test
    void aHoldOfUnderAMinuteNamesItsDeadlineToTheSecond() {
        var held = TestEvents.held(TO, null, Instant.parse("2027-06-01T14:05:10Z"), Duration.ofSeconds(30));

        assertThat(EmailComposer.compose(held).text())
                .contains("Your seats 12A, 12B are held for 30 seconds."
                        + " Pay by 14:05:40 UTC on 1 June 2027 to keep them.");
    }

    @Test
    void aHoldWithoutADeadlineStillAsksForThePayment() {
        var full = TestEvents.held(TO, null, HELD_AT, Duration.ofMinutes(15));
        var held = new BookingHeld(
                full.eventId(),
                full.bookingId(),
                1,
                full.trip(),
                full.passengers(),
                full.seats(),
                null,
                TO,
                null,
                HELD_AT);

        EmailContent email = EmailComposer.compose(held);

        assertSays(
                email,
                "Seats held, payment due: FM101 LHR to JFK on 12 Jun 2026",
                "Your seats 12A, 12B are held. Pay soon to keep them: the booking shows the deadline.");
        assertThat(email.text()).doesNotContain("Pay by");
    }

    @Test
    void aWaitingPartySeatedOnHoldIsToldTheSeatsCameFree() {
        var waiting = TestEvents.waitlisted(TO, null, 2);
        var seated = TestEvents.seated(waiting, HELD_AT, Duration.ofMinutes(10));

        assertThat(EmailComposer.compose(seated).text())
                .contains("Good news: seats came free for your party on the waitlist. Your seats 7C, 7D are held for"
                        + " 10 minutes. Pay by 14:00 UTC on 1 June 2027 to keep them.");
        assertThat(EmailComposer.compose(TestEvents.held(TO, null, HELD_AT, Duration.ofMinutes(10)))
                        .text())
                .as("a first decision")
                .doesNotContain("waitlist");
    }

    @Test
    void aPaidConfirmationMentionsThePaymentAndEscapesItsReference() {
        var paid = TestEvents.paid(TestEvents.held(TO, null, HELD_AT, Duration.ofMinutes(15)), "psp_<8842>&co");

        EmailContent email = EmailComposer.compose(paid);

        assertSays(
                email,
                "Booking confirmed: FM101 LHR to JFK on 12 Jun 2026, seats 12A, 12B",
                "We have received your payment, and your booking is confirmed.",
                "Payment reference: psp_<8842>&co",
                "Seats: 12A, 12B");
        assertThat(email.html()).contains("psp_&lt;8842&gt;&amp;co").doesNotContain("<8842>");
    }

    @Test
    void aConfirmationWithoutAPaymentSaysNothingOfOne() {
        EmailContent email = EmailComposer.compose(TestEvents.confirmed(TO, null));

        assertThat(email.text()).contains("Your booking is confirmed.").doesNotContainIgnoringCase("payment");
        assertThat(EmailComposer.compose(TestEvents.seatedAndConfirmed(TestEvents.waitlisted(TO, null, 1)))
                        .text())
                .contains("seats came free for your party on the waitlist, and your booking is confirmed")
                .contains("Seats: 7C, 7D")
                .doesNotContainIgnoringCase("payment");
    }

    @Test
    void aWaitingPartyIsToldItsPlaceInTheList() {
        EmailContent third = EmailComposer.compose(TestEvents.waitlisted(TO, null, 3));

        assertSays(
                third,
                "On the waitlist, number 3 in line: FM101 LHR to JFK on 12 Jun 2026",
                "your booking is on its waitlist: you are number 3 in line.",
                "Place on the waitlist: 3",
                "nothing is charged while you wait",
                "To stop waiting, cancel the booking.");
        assertThat(third.text()).doesNotContain("Seats:");
        assertThat(EmailComposer.compose(TestEvents.waitlisted(TO, null, 1)).text())
                .contains("you are number 1 in line, the next to be seated.");
    }

    @Test
    void anExpiredHoldSaysTheSeatsWentAndALatePaymentIsRefunded() {
        EmailContent email =
                EmailComposer.compose(TestEvents.expired(TestEvents.held(TO, null, HELD_AT, Duration.ofMinutes(15))));

        assertSays(
                email,
                "Hold ended, seats released: FM101 LHR to JFK on 12 Jun 2026",
                "The hold on your seats 12A, 12B ended before we received your payment, so the seats have"
                        + " been released",
                "If you paid after the deadline, that payment will be refunded",
                "Seats released: 12A, 12B");
    }

    @Test
    void aFullWaitlistIsSaidPlainly() {
        EmailContent email = EmailComposer.compose(TestEvents.rejected(TO, null, RejectionReason.WAITLIST_FULL));

        assertSays(
                email,
                "Booking not confirmed: FM101 LHR to JFK on 12 Jun 2026",
                "Reason: there are not enough seats left on this trip, and its waitlist is full"
                        + " (it takes 1,000 parties at most)",
                "No seats are held and nothing was charged.");
    }

    @Test
    void aPartyThatWaitedUntilDepartureIsToldSoAndAClosedTripOtherwise() {
        EmailContent waited =
                EmailComposer.compose(TestEvents.departedWhileWaiting(TestEvents.waitlisted(TO, null, 4)));
        EmailContent closed = EmailComposer.compose(TestEvents.rejected(TO, null, RejectionReason.TRIP_CLOSED));

        assertSays(
                waited,
                "No seats came free: FM101 LHR to JFK on 12 Jun 2026",
                "Your party waited on this trip's waitlist, but no seats came free for it before the trip"
                        + " departed.",
                "Reason: the trip departed before seats came free for your party");
        assertThat(waited.text()).doesNotContain("closed to sales");
        assertThat(closed.text())
                .contains("Reason: this trip is closed to sales")
                .doesNotContain("waitlist");
    }

    @Test
    void leavingTheWaitlistNamesNoSeats() {
        EmailContent left = EmailComposer.compose(TestEvents.leftTheWaitlist(TestEvents.waitlisted(TO, null, 2)));
        EmailContent cancelled = EmailComposer.compose(TestEvents.cancelled(TestEvents.confirmed(TO, null)));

        assertThat(left.text())
                .contains("Your booking has been cancelled and your party has left the trip's waitlist.")
                .doesNotContain("Seats released");
        assertThat(cancelled.text()).contains("Seats released: 12A, 12B");
    }

    @Test
    void everyEventTypeHasItsOwnSubjectAndNamesTheBookingInBothParts() {
        var held = TestEvents.held(TO, null, HELD_AT, Duration.ofMinutes(15));
        var waiting = TestEvents.waitlisted(TO, null, 2);
        List<BookingEvent> events = List.of(
                held,
                TestEvents.paid(held, "psp_1"),
                waiting,
                TestEvents.rejected(TO, null, RejectionReason.SOLD_OUT),
                TestEvents.expired(held),
                TestEvents.leftTheWaitlist(waiting));
        assertThat(events)
                .<Class<?>>extracting(event -> event.getClass())
                .containsExactlyInAnyOrder(BookingEvent.class.getPermittedSubclasses());

        List<EmailContent> emails = events.stream().map(EmailComposer::compose).toList();

        assertThat(emails).extracting(EmailContent::subject).doesNotHaveDuplicates();
        for (int i = 0; i < events.size(); i++) {
            String reference = events.get(i).bookingId().toString();
            assertThat(emails.get(i).text()).contains("Booking reference: " + reference, "Ada Lovelace");
            assertThat(emails.get(i).html()).contains(reference, "Charles Babbage");
        }
    }

    /** The email has {@code subject}, and its text says each of {@code parts}. */
    private static void assertSays(EmailContent email, String subject, String... parts) {
        assertThat(email.subject()).isEqualTo(subject);
        assertThat(email.text()).contains(parts);
    }

    private static <T> T inZone(String zone, Locale locale, Supplier<T> work) {
        TimeZone zoneBefore = TimeZone.getDefault();
        Locale localeBefore = Locale.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
        Locale.setDefault(locale);
        try {
            return work.get();
        } finally {
            TimeZone.setDefault(zoneBefore);
            Locale.setDefault(localeBefore);
        }
    }
}
