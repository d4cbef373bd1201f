package io.fms.api.notification;

/** Example bodies shown in Swagger UI. */
final class NotificationExamples {

    // A booking that held its seats and then was paid for: the hold's email and webhook went out, the confirmation's
    // email too, while its webhook waits for a receiver that timed out.
    static final String NOTIFICATIONS = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10",
             "notifications": [
              {"eventId": "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "eventType": "BookingHeld", "sequence": 1,
               "channel": "EMAIL", "destination": "ada@example.com", "status": "DELIVERED", "attemptCount": 1,
               "nextAttemptAt": null, "lastError": null, "createdAt": "2031-05-01T10:00:00.050Z",
               "firstAttemptAt": "2031-05-01T10:00:00.120Z", "completedAt": "2031-05-01T10:00:00.310Z",
               "attempts": [{"attempt": 1, "attemptedAt": "2031-05-01T10:00:00.120Z", "outcome": "SUCCESS",
                             "statusCode": null, "latencyMs": 190, "error": null}]},
              {"eventId": "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "eventType": "BookingHeld", "sequence": 1,
               "channel": "WEBHOOK", "destination": "https://client.example.com/hooks/fms", "status": "DELIVERED",
               "attemptCount": 1, "nextAttemptAt": null, "lastError": null,
               "createdAt": "2031-05-01T10:00:00.050Z", "firstAttemptAt": "2031-05-01T10:00:00.100Z",
               "completedAt": "2031-05-01T10:00:00.140Z",
               "attempts": [{"attempt": 1, "attemptedAt": "2031-05-01T10:00:00.100Z", "outcome": "SUCCESS",
                             "statusCode": 200, "latencyMs": 40, "error": null}]},
              {"eventId": "9b2f6c1e-4d7a-4b8e-a1c3-5e6f7a8b9c0d", "eventType": "BookingConfirmed", "sequence": 2,
               "channel": "EMAIL", "destination": "ada@example.com", "status": "DELIVERED", "attemptCount": 1,
               "nextAttemptAt": null, "lastError": null, "createdAt": "2031-05-01T10:04:12.050Z",
               "firstAttemptAt": "2031-05-01T10:04:12.110Z", "completedAt": "2031-05-01T10:04:12.290Z",
               "attempts": [{"attempt": 1, "attemptedAt": "2031-05-01T10:04:12.110Z", "outcome": "SUCCESS",
                             "statusCode": null, "latencyMs": 180, "error": null}]},
              {"eventId": "9b2f6c1e-4d7a-4b8e-a1c3-5e6f7a8b9c0d", "eventType": "BookingConfirmed", "sequence": 2,
               "channel": "WEBHOOK", "destination": "https://client.example.com/hooks/fms", "status": "PENDING",
               "attemptCount": 2, "nextAttemptAt": "2031-05-01T10:04:22.000Z",
               "lastError": "receiver did not answer in time (read timeout)",
               "createdAt": "2031-05-01T10:04:12.050Z", "firstAttemptAt": "2031-05-01T10:04:12.100Z",
               "completedAt": null,
               "attempts": [{"attempt": 2, "attemptedAt": "2031-05-01T10:04:13.200Z", "outcome": "TIMEOUT",
                             "statusCode": null, "latencyMs": 5002,
                             "error": "receiver did not answer in time (read timeout)"},
                            {"attempt": 1, "attemptedAt": "2031-05-01T10:04:12.100Z", "outcome": "HTTP_ERROR",
                             "statusCode": 503, "latencyMs": 37, "error": "receiver answered HTTP 503"}]}]}""";

    static final String NONE_YET = """
            {"bookingId": "5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10", "notifications": []}""";

    private NotificationExamples() {}
}
