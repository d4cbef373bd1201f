-- The processor's schema: its decisions, the seats they hold, its progress through the command topic and the
-- events still to publish. All four are written in one transaction per batch, which is what makes a crash at any
-- point neither lose nor repeat a decision.

create table bookings (
    id                uuid primary key,
    trip_id           uuid        not null,
    status            text        not null check (status in ('CONFIRMED', 'REJECTED', 'CANCELLED')),
    reason            text check (reason in ('SEAT_UNAVAILABLE', 'SOLD_OUT', 'TRIP_CLOSED', 'INVALID_SEAT')),
    unavailable_seats text[]      not null default '{}',
    -- What the booking holds, or held before it was cancelled.
    seats             text[]      not null default '{}',
    passengers        jsonb       not null,
    contact_email     text,
    callback_url      text,
    requested_at      timestamptz not null,
    decided_at        timestamptz not null,
    cancelled_at      timestamptz,
    check ((status = 'REJECTED') = (reason is not null))
);

create table booking_seats (
    trip_id     uuid not null,
    seat        text not null,
    booking_id  uuid not null references bookings (id),
    released_at timestamptz
);

-- The last line of defence against a double sale: whatever the processor believes, Postgres refuses to let two live
-- bookings hold one seat.
create unique index booking_seats_live_seat on booking_seats (trip_id, seat) where released_at is null;

-- Cancellation releases a booking's seats by booking ID.
create index booking_seats_booking on booking_seats (booking_id);

create table consumer_offsets (
    topic       text   not null,
    partition   int    not null,
    next_offset bigint not null check (next_offset >= 0),
    primary key (topic, partition)
);

-- A queue, not a log: a row is deleted once its event is on Kafka and its booking in the read model, so the table
-- stays as small as the publishing backlog. The bookings table and the events topic are the record.
create table outbox (
    event_id        uuid primary key,
    -- Publishing order: a booking's decision goes out before its cancellation.
    seq             bigint generated always as identity unique,
    booking_id      uuid        not null,
    -- The command partition whose batch wrote the row; its owner republishes it after a crash.
    kafka_partition int         not null,
    event_type      text        not null,
    payload         bytea       not null,
    created_at      timestamptz not null
);

create index outbox_partition on outbox (kafka_partition, seq);
