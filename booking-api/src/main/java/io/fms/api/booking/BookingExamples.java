package io.fms.api.booking;

/** Example bodies shown in Swagger UI. */
final class BookingExamples {

    /** The Location of an answer about one booking. */
    static final String LOCATION_DESCRIPTION = "The booking: /api/v1/bookings/{bookingId}";

    static final String LOCATION = "/api/v1/bookings/5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10";

    static final String REQUEST = """
            {"tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "seats": ["12A", "12B"],
             "contactEmail": "ada@example.com",
             "callbackUrl": "https://client.example.com/hooks/fms"}""";

    static final String REQUEST_HOLD = """
            {"tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "seats": ["12A", "12B"],
             "contactEmail": "ada@example.com",
             "hold": {"seconds": 600}}""";

    static final String REQUEST_WAITLIST = """
            {"tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "contactEmail": "ada@example.com",
             "waitlist": true}""";

    static final String CONFIRMATION = """
            {"paymentReference": "psp_8842"}""";

    static final String PENDING = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "PENDING", "seats": [], "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": null, "unavailableSeats": [], "contactEmail": "ada@example.com",
             "callbackUrl": "https://client.example.com/hooks/fms", "createdAt": "2031-05-01T10:00:00Z",
             "decidedAt": null, "holdExpiresAt": null, "paymentReference": null, "lateConfirmation": null,
             "waitlistPosition": null, "queue": {"position": 42, "etaMs": 120}}""";

    static final String CONFIRMED = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "CONFIRMED", "seats": ["12A", "12B"],
             "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": null, "unavailableSeats": [], "contactEmail": "ada@example.com",
             "callbackUrl": "https://client.example.com/hooks/fms", "createdAt": "2031-05-01T10:00:00Z",
             "decidedAt": "2031-05-01T10:00:00.042Z", "holdExpiresAt": null, "paymentReference": null,
             "lateConfirmation": null, "waitlistPosition": null, "queue": null}""";

    static final String REJECTED = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "REJECTED", "seats": [], "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": "SEAT_UNAVAILABLE", "unavailableSeats": ["12B"], "contactEmail": "ada@example.com",
             "callbackUrl": "https://client.example.com/hooks/fms", "createdAt": "2031-05-01T10:00:00Z",
             "decidedAt": "2031-05-01T10:00:00.042Z", "holdExpiresAt": null, "paymentReference": null,
             "lateConfirmation": null, "waitlistPosition": null, "queue": null}""";

    static final String HELD = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "HELD", "seats": ["12A", "12B"],
             "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": null, "unavailableSeats": [], "contactEmail": "ada@example.com",
             "callbackUrl": null, "createdAt": "2031-05-01T10:00:00Z", "decidedAt": "2031-05-01T10:00:00.042Z",
             "holdExpiresAt": "2031-05-01T10:10:00.042Z", "paymentReference": null, "lateConfirmation": null,
             "waitlistPosition": null, "queue": null}""";

    static final String PAID = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "CONFIRMED", "seats": ["12A", "12B"],
             "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": null, "unavailableSeats": [], "contactEmail": "ada@example.com",
             "callbackUrl": null, "createdAt": "2031-05-01T10:00:00Z", "decidedAt": "2031-05-01T10:04:31.508Z",
             "holdExpiresAt": "2031-05-01T10:10:00.042Z", "paymentReference": "psp_8842", "lateConfirmation": null,
             "waitlistPosition": null, "queue": null}""";

    static final String EXPIRED_PAID_LATE = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "EXPIRED", "seats": ["12A", "12B"],
             "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": null, "unavailableSeats": [], "contactEmail": "ada@example.com",
             "callbackUrl": null, "createdAt": "2031-05-01T10:00:00Z", "decidedAt": "2031-05-01T10:10:00.912Z",
             "holdExpiresAt": "2031-05-01T10:10:00.042Z", "paymentReference": null,
             "lateConfirmation": {"paymentReference": "psp_8842", "at": "2031-05-01T10:10:03.117Z"},
             "waitlistPosition": null, "queue": null}""";

    static final String WAITLISTED = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "WAITLISTED", "seats": [], "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": null, "unavailableSeats": [], "contactEmail": "ada@example.com",
             "callbackUrl": null, "createdAt": "2031-05-01T10:00:00Z", "decidedAt": "2031-05-01T10:00:00.042Z",
             "holdExpiresAt": null, "paymentReference": null, "lateConfirmation": null,
             "waitlistPosition": 3, "queue": null}""";

    private BookingExamples() {}
}
