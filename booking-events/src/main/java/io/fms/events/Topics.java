package io.fms.events;

/** Kafka topic names and header names shared by every FMS service. */
public final class Topics {

    /** Commands keyed by trip ID, so every command for one trip lands on one partition, in order. */
    public static final String BOOKING_COMMANDS = "fms.booking.commands";

    /** Decisions keyed by booking ID. */
    public static final String BOOKING_EVENTS = "fms.booking.events";

    /**
     * Each batch's seat changes per trip ({@link SeatsChanged}), keyed by trip ID so that one trip's changes stay in
     * order; what the API's live seat map streams. Not a log of record: the seats in Postgres are the truth, and
     * the API reloads from them.
     */
    public static final String SEAT_CHANGES = "fms.seat.changes";

    /** Command records that could not be read (bad JSON, unknown type or version), kept with their origin. */
    public static final String BOOKING_COMMANDS_DLT = "fms.booking.commands.dlt";

    /** Notifications that exhausted their retries. */
    public static final String NOTIFICATIONS_DLT = "fms.notifications.dlt";

    /** Header carrying the record's type, so tools can route or filter without parsing the value. */
    public static final String HEADER_TYPE = "fms-type";

    /** Headers a dead-lettered record carries to say where it came from and why it was set aside. */
    public static final String HEADER_ORIGIN_TOPIC = "fms-origin-topic";

    public static final String HEADER_ORIGIN_PARTITION = "fms-origin-partition";
    public static final String HEADER_ORIGIN_OFFSET = "fms-origin-offset";
    public static final String HEADER_ERROR = "fms-error";

    private Topics() {}
}
