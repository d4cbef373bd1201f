package io.fms.notify.email;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingRejected;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.events.TripSummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the email for a booking event. Everything that came from a client (names, seats) is escaped in the
 * HTML part: a passenger called {@code <script>} is a name, not markup.
 */
public final class EmailComposer {

    private static final DateTimeFormatter DEPARTURE = DateTimeFormatter.ofPattern(
                    "EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private EmailComposer() {}

    public static EmailContent compose(BookingEvent event) {
        return switch (event) {
            case BookingConfirmed confirmed -> confirmed(confirmed);
            case BookingRejected rejected -> rejected(rejected);
            case BookingCancelled cancelled -> cancelled(cancelled);
        };
    }

    private static EmailContent confirmed(BookingConfirmed event) {
        List<Line> lines = new ArrayList<>(tripLines(event));
        lines.add(new Line("Passengers", names(event.passengers())));
        lines.add(new Line("Seats", String.join(", ", event.seats())));
        return build(
                "Booking confirmed: " + tripTitle(event.trip()) + ", seats " + String.join(", ", event.seats()),
                "Your booking is confirmed.",
                lines,
                "Keep the booking reference: you need it to look up or cancel your booking.");
    }

    private static EmailContent rejected(BookingRejected event) {
        List<Line> lines = new ArrayList<>(tripLines(event));
        lines.add(new Line("Passengers", names(event.passengers())));
        lines.add(new Line("Reason", reason(event.reason(), event.unavailableSeats())));
        return build(
                "Booking not confirmed: " + tripTitle(event.trip()),
                "We could not confirm your booking. No seats are held and nothing was charged.",
                lines,
                "You are welcome to try again with other seats or another trip.");
    }

    private static EmailContent cancelled(BookingCancelled event) {
        List<Line> lines = new ArrayList<>(tripLines(event));
        lines.add(new Line("Passengers", names(event.passengers())));
        lines.add(new Line("Seats released", String.join(", ", event.releasedSeats())));
        return build(
                "Booking cancelled: " + tripTitle(event.trip()),
                "Your booking has been cancelled and its seats released.",
                lines,
                "If you did not ask for this cancellation, please contact us.");
    }

    private static String reason(RejectionReason reason, List<String> seats) {
        if (reason == null) {
            return "the booking could not be completed";
        }
        return switch (reason) {
            case SEAT_UNAVAILABLE -> "these seats are no longer available: " + String.join(", ", seats);
            case SOLD_OUT -> "there are not enough seats left on this trip";
            case TRIP_CLOSED -> "this trip is closed to sales";
            case INVALID_SEAT -> "these seats do not exist on this aircraft: " + String.join(", ", seats);
        };
    }

    private record Line(String label, String value) {}

    private static List<Line> tripLines(BookingEvent event) {
        TripSummary trip = event.trip();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Booking reference", event.bookingId().toString()));
        if (trip != null) {
            lines.add(new Line("Flight", trip.flightNumber() + ", " + trip.origin() + " to " + trip.destination()));
            if (trip.departureTime() != null) {
                lines.add(new Line("Departure", DEPARTURE.format(trip.departureTime())));
            }
        }
        return lines;
    }

    private static String tripTitle(TripSummary trip) {
        if (trip == null) {
            return "your trip";
        }
        String title = trip.flightNumber() + " " + trip.origin() + " to " + trip.destination();
        return trip.departureTime() == null ? title : title + " on " + DAY.format(trip.departureTime());
    }

    private static String names(List<Passenger> passengers) {
        return String.join(", ", passengers.stream().map(Passenger::name).toList());
    }

    private static EmailContent build(String subject, String opening, List<Line> lines, String closing) {
        StringBuilder text = new StringBuilder("Hello,\n\n").append(opening).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<p>Hello,</p><p>")
                .append(escape(opening))
                .append("</p><table cellpadding=\"4\">");
        for (Line line : lines) {
            text.append(line.label()).append(": ").append(line.value()).append('\n');
            html.append("<tr><th align=\"left\">")
                    .append(escape(line.label()))
                    .append("</th><td>")
                    .append(escape(line.value()))
                    .append("</td></tr>");
        }
        text.append('\n').append(closing).append("\n\nFMS\n");
        html.append("</table><p>").append(escape(closing)).append("</p><p>FMS</p></body></html>");
        return new EmailContent(subject, text.toString(), html.toString());
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
