package io.fms.processor.decision;

import io.fms.events.BookingCommand;
import java.time.Instant;
import java.util.Objects;

/**
 * A readable command, where the log put it, and when: the command-topic partition it came from (which owns its outbox
 * rows), its offset there, and the record's log-append time, which is "now" for every rule with a clock in it.
 */
public record IncomingCommand(int partition, long offset, Instant loggedAt, BookingCommand command) {

    public IncomingCommand {
        Objects.requireNonNull(loggedAt, "loggedAt");
        Objects.requireNonNull(command, "command");
    }
}
