package io.fms.processor.decision;

import io.fms.events.BookingCommand;
import java.time.Instant;
import java.util.Objects;

/**
 * A readable command, where the log put it, and when: the command-topic partition it came from (which owns its outbox
 * rows), its offset there, and the record's log-append time, which is "now" for every rule with a clock in it.
 *
 * @param traceparent the W3C trace context the command arrived with, handed on to the events it causes; null if none
 */
public record IncomingCommand(
        int partition, long offset, Instant loggedAt, BookingCommand command, String traceparent) {

    public IncomingCommand {
        Objects.requireNonNull(loggedAt, "loggedAt");
        Objects.requireNonNull(command, "command");
    }
}
