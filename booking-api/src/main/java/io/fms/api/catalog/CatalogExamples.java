package io.fms.api.catalog;

/** Example bodies shown in Swagger UI. */
final class CatalogExamples {

    static final String FLIGHT_REQUEST = """
            {"flightNumber": "FM101", "origin": "LHR", "destination": "JFK"}""";

    static final String FLIGHT = """
            {"id": "7d444840-9dc0-11d1-b245-5ffdce74fad2", "flightNumber": "FM101", "origin": "LHR",
             "destination": "JFK", "createdAt": "2030-05-01T12:00:00Z"}""";

    static final String TRIP_REQUEST = """
            {"departureTime": "2031-06-01T09:30:00Z", "rows": 30, "columns": "ABCDEF"}""";

    static final String TRIP = """
            {"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "flightId": "7d444840-9dc0-11d1-b245-5ffdce74fad2",
             "flightNumber": "FM101", "origin": "LHR", "destination": "JFK",
             "departureTime": "2031-06-01T09:30:00Z", "rows": 30, "columns": "ABCDEF",
             "capacity": 180, "availableSeats": 172}""";

    static final String SEAT_MAP = """
            {"tripId": "0f8fad5b-d9cb-469f-a165-70867728950e", "rows": 30, "columns": "ABCDEF",
             "capacity": 180, "availableSeats": 177,
             "seats": [{"seat": "1A", "status": "BOOKED"}, {"seat": "1B", "status": "BOOKED"},
                       {"seat": "1C", "status": "HELD"}, {"seat": "1D", "status": "AVAILABLE"}]}""";

    private CatalogExamples() {}
}
