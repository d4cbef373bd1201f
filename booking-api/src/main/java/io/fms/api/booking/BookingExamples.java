package io.fms.api.booking;

/** Example bodies shown in Swagger UI. */
final class BookingExamples {

    static final String REQUEST = """
            {"tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "seats": ["12A", "12B"],
             "contactEmail": "ada@example.com",
             "callbackUrl": "https://client.example.com/hooks/fms"}""";

    static final String PENDING = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "PENDING", "seats": [], "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": null, "unavailableSeats": [], "contactEmail": "ada@example.com",
             "callbackUrl": "https://client.example.com/hooks/fms", "createdAt": "2031-05-01T10:00:00Z",
             "decidedAt": null}""";

    static final String CONFIRMED = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "CONFIRMED", "seats": ["12A", "12B"],
             "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": null, "unavailableSeats": [], "contactEmail": "ada@example.com",
             "callbackUrl": "https://client.example.com/hooks/fms", "createdAt": "2031-05-01T10:00:00Z",
             "decidedAt": "2031-05-01T10:00:00.042Z"}""";

    static final String REJECTED = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "tripId": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "REJECTED", "seats": [], "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
             "reason": "SEAT_UNAVAILABLE", "unavailableSeats": ["12B"], "contactEmail": "ada@example.com",
             "callbackUrl": "https://client.example.com/hooks/fms", "createdAt": "2031-05-01T10:00:00Z",
             "decidedAt": "2031-05-01T10:00:00.042Z"}""";

    private BookingExamples() {}
}
