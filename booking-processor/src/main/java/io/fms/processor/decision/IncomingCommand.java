package io.fms.processor.decision;

import io.fms.events.BookingCommand;
import java.util.Objects;

/** A readable command and the command-topic partition it came from, which owns its outbox rows. */
public record IncomingCommand(int partition, BookingCommand command) {

    public IncomingCommand {
        Objects.requireNonNull(command, "command");
    }
}
