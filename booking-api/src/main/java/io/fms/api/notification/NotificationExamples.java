package io.fms.api.notification;

/** Example bodies shown in Swagger UI. */
final class NotificationExamples {

    static final String NOTIFICATIONS = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10",
             "notifications": [
              {"eventId": "9b2f6c1e-4d7a-4b8e-a1c3-5e6f7a8b9c0d", "eventType": "BookingConfirmed", "sequence": 1,
               "channel": "EMAIL", "destination": "ada@example.com", "status": "DELIVERED", "attemptCount": 1,
               "nextAttemptAt": null, "lastError": null, "createdAt": "2031-05-01T10:00:00.050Z",
               "firstAttemptAt": "2031-05-01T10:00:00.120Z", "completedAt": "2031-05-01T10:00:00.310Z",
               "attempts": [{"attempt": 1, "attemptedAt": "2031-05-01T10:00:00.120Z", "outcome": "SUCCESS",
                             "statusCode": null, "latencyMs": 190, "error": null}]},
              {"eventId": "9b2f6c1e-4d7a-4b8e-a1c3-5e6f7a8b9c0d", "eventType": "BookingConfirmed", "sequence": 1,
               "channel": "WEBHOOK", "destination": "https://client.example.com/hooks/fms", "status": "PENDING",
               "attemptCount": 2, "nextAttemptAt": "2031-05-01T10:00:04.000Z",
               "lastError": "receiver did not answer in time (read timeout)",
               "createdAt": "2031-05-01T10:00:00.050Z", "firstAttemptAt": "2031-05-01T10:00:00.100Z",
               "completedAt": null,
               "attempts": [{"attempt": 2, "attemptedAt": "2031-05-01T10:00:01.200Z", "outcome": "TIMEOUT",
                             "statusCode": null, "latencyMs": 5002,
                             "error": "receiver did not answer in time (read timeout)"},
                            {"attempt": 1, "attemptedAt": "2031-05-01T10:00:00.100Z", "outcome": "HTTP_ERROR",
                             "statusCode": 503, "latencyMs": 37, "error": "receiver answered HTTP 503"}]}]}""";

    static final String NONE_YET = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "notifications": []}""";

    private NotificationExamples() {}
}
