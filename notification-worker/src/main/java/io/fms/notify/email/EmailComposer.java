package io.fms.notify.email;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingExpired;
import io.fms.events.BookingHeld;
import io.fms.events.BookingRejected;
import io.fms.events.BookingWaitlisted;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.events.TripSummary;
import io.fms.events.Waitlist;
import io.fms.notify.email.EmailLayout.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the email for a booking event, in the traveller's words: what became of the booking, what (if anything)
 * they must do next, and the facts to do it with.
 *
 * <p>A booking's later events tell how it got there by their {@code sequence}: a booking's first decision is 1, so
 * a hold or a confirmation with a higher one seated a party from the waitlist (a hold is only ever a first
 * decision or a waiting party's seating; a confirmation without a payment, likewise), and a refusal with a higher
 * one ended a wait (a waiting party is refused only when its trip departs).
 */
public final class EmailComposer {

    private static final String KEEP_REFERENCE =
            "Keep the booking reference: you need it to look up or cancel your booking.";

    private EmailComposer() {}

    public static EmailContent compose(BookingEvent event) {
        return switch (event) {
            case BookingHeld held -> held(held);
            case BookingConfirmed confirmed -> confirmed(confirmed);
            case BookingWaitlisted waitlisted -> waitlisted(waitlisted);
            case BookingRejected rejected -> rejected(rejected);
            case BookingExpired expired -> expired(expired);
            case BookingCancelled cancelled -> cancelled(cancelled);
        };
    }

    private static EmailContent held(BookingHeld event) {
        String seats = seats(event.seats());
        if (event.holdExpiresAt() == null) {
            // Not what the processor writes; the email still tells the traveller to pay rather than failing.
            return EmailLayout.subject("Seats held, payment due: " + tripTitle(event.trip()))
                    .opening(seatedFromWaitlist(event) + "Your seats " + seats
                            + " are held. Pay soon to keep them: the booking shows the deadline.")
                    .lines(facts(event))
                    .line("Seats", seats)
                    .closing(KEEP_REFERENCE)
                    .build();
        }
        String deadline = EmailTimes.deadline(event.holdExpiresAt(), event.occurredAt());
        String length = EmailTimes.holdLength(event.occurredAt(), event.holdExpiresAt());
        return EmailLayout.subject("Seats held, pay by " + deadline + ": " + tripTitle(event.trip()))
                .opening(seatedFromWaitlist(event) + "Your seats " + seats + " are held"
                        + (length == null ? "" : " for " + length) + ". Pay by " + deadline + " to keep them.")
                .lines(facts(event))
                .line("Seats", seats)
                .line("Pay by", deadline)
                .closing("If we have not received your payment by then, the hold ends and the seats are released"
                        + " for others to book.")
                .closing(KEEP_REFERENCE)
                .build();
    }

    private static String seatedFromWaitlist(BookingEvent event) {
        return event.sequence() > 1 ? "Good news: seats came free for your party on the waitlist. " : "";
    }

    private static EmailContent confirmed(BookingConfirmed event) {
        String seats = seats(event.seats());
        String opening;
        if (event.paymentReference() != null) {
            opening = "We have received your payment, and your booking is confirmed.";
        } else if (event.sequence() > 1) {
            opening = "Good news: seats came free for your party on the waitlist, and your booking is confirmed.";
        } else {
            opening = "Your booking is confirmed.";
        }
        EmailLayout email = EmailLayout.subject("Booking confirmed: " + tripTitle(event.trip()) + ", seats " + seats)
                .opening(opening)
                .lines(facts(event))
                .line("Seats", seats);
        if (event.paymentReference() != null) {
            email.line("Payment reference", event.paymentReference());
        }
        return email.closing(KEEP_REFERENCE).build();
    }

    private static EmailContent waitlisted(BookingWaitlisted event) {
        int place = event.waitlistPosition();
        return EmailLayout.subject("On the waitlist, number " + place + " in line: " + tripTitle(event.trip()))
                .opening("This trip has no seats for your party right now, so your booking is on its waitlist:"
                        + " you are number " + place + " in line" + (place == 1 ? ", the next to be seated." : ".")
                        + " Nothing is held and nothing is charged while you wait.")
                .opening("When seats come free, the earliest party they fit is seated, and we will write to you"
                        + " as soon as your party has them.")
                .lines(facts(event))
                .line("Place on the waitlist", Integer.toString(place))
                .closing("If the trip departs before seats come free, the booking ends without seats. To stop"
                        + " waiting, cancel the booking.")
                .closing(KEEP_REFERENCE)
                .build();
    }

    private static EmailContent rejected(BookingRejected event) {
        if (event.reason() == RejectionReason.TRIP_CLOSED && event.sequence() > 1) {
            return EmailLayout.subject("No seats came free: " + tripTitle(event.trip()))
                    .opening("Your party waited on this trip's waitlist, but no seats came free for it before"
                            + " the trip departed. The booking has ended: no seats are held and nothing was"
                            + " charged.")
                    .lines(facts(event))
                    .line("Reason", "the trip departed before seats came free for your party")
                    .closing("We are sorry it did not work out this time. You are welcome to book another trip.")
                    .build();
        }
        return EmailLayout.subject("Booking not confirmed: " + tripTitle(event.trip()))
                .opening("We could not confirm your booking. No seats are held and nothing was charged.")
                .lines(facts(event))
                .line("Reason", reason(event.reason(), event.unavailableSeats()))
                .closing("You are welcome to try again with other seats or another trip.")
                .build();
    }

    private static String reason(RejectionReason reason, List<String> seats) {
        if (reason == null) {
            return "the booking could not be completed";
        }
        return switch (reason) {
            case SEAT_UNAVAILABLE -> "these seats are no longer available: " + seats(seats);
            case SOLD_OUT -> "there are not enough seats left on this trip";
            case TRIP_CLOSED -> "this trip is closed to sales";
            case INVALID_SEAT -> "these seats do not exist on this aircraft: " + seats(seats);
            case WAITLIST_FULL ->
                "there are not enough seats left on this trip, and its waitlist is full (it takes "
                        + String.format(Locale.ENGLISH, "%,d", Waitlist.PARTIES_MAX) + " parties at most)";
        };
    }

    private static EmailContent expired(BookingExpired event) {
        String seats = seats(event.releasedSeats());
        return EmailLayout.subject("Hold ended, seats released: " + tripTitle(event.trip()))
                .opening("The hold on your seats " + seats + " ended before we received your payment, so the"
                        + " seats have been released and the booking is not confirmed.")
                .opening("If you paid after the deadline, that payment will be refunded: you do not need to do"
                        + " anything.")
                .lines(facts(event))
                .line("Seats released", seats)
                .closing("You are welcome to book again.")
                .build();
    }

    private static EmailContent cancelled(BookingCancelled event) {
        // A waiting party holds no seats: its cancellation takes it off the list.
        if (event.releasedSeats().isEmpty()) {
            return EmailLayout.subject("Booking cancelled: " + tripTitle(event.trip()))
                    .opening("Your booking has been cancelled and your party has left the trip's waitlist.")
                    .lines(facts(event))
                    .closing("If you did not ask for this cancellation, please contact us.")
                    .build();
        }
        return EmailLayout.subject("Booking cancelled: " + tripTitle(event.trip()))
                .opening("Your booking has been cancelled and its seats released.")
                .lines(facts(event))
                .line("Seats released", seats(event.releasedSeats()))
                .closing("If you did not ask for this cancellation, please contact us.")
                .build();
    }

    /** What every email states: the booking, the trip and who travels. */
    private static List<Line> facts(BookingEvent event) {
        TripSummary trip = event.trip();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Booking reference", event.bookingId().toString()));
        if (trip != null) {
            lines.add(new Line("Flight", trip.flightNumber() + ", " + trip.origin() + " to " + trip.destination()));
            if (trip.departureTime() != null) {
                lines.add(new Line("Departure", EmailTimes.departure(trip.departureTime())));
            }
        }
        lines.add(new Line("Passengers", names(event.passengers())));
        return lines;
    }

    private static String tripTitle(TripSummary trip) {
        if (trip == null) {
            return "your trip";
        }
        String title = trip.flightNumber() + " " + trip.origin() + " to " + trip.destination();
        return trip.departureTime() == null ? title : title + " on " + EmailTimes.day(trip.departureTime());
    }

    private static String seats(List<String> seats) {
        return String.join(", ", seats);
    }

    private static String names(List<Passenger> passengers) {
        return String.join(", ", passengers.stream().map(Passenger::name).toList());
    }
}
