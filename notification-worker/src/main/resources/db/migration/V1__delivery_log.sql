-- The delivery log: what was asked (events), what is owed (deliveries, one per event and channel) and what was
-- tried (attempts). Owned by notification-worker; booking-api reads it to show a booking's notifications.

create table events (
    event_id        uuid primary key,
    booking_id      uuid not null,
    sequence        bigint not null,
    event_type      text not null,
    -- BookingJson.write(event), byte for byte the webhook body, so every retry signs and sends the same bytes.
    payload         bytea not null,
    kafka_partition int not null,
    kafka_offset    bigint not null,
    received_at     timestamptz not null
);

create table deliveries (
    id               bigserial primary key,
    event_id         uuid not null references events (event_id),
    booking_id       uuid not null,
    channel          text not null check (channel in ('EMAIL', 'WEBHOOK')),
    -- The email address or the callback URL, as the event gave it.
    destination      text not null,
    status           text not null check (status in ('PENDING', 'DELIVERED', 'DEAD', 'SKIPPED')),
    attempt_count    int not null default 0 check (attempt_count >= 0),
    -- When a PENDING delivery is due; null once it is final.
    next_attempt_at  timestamptz,
    -- A worker's reservation of a PENDING delivery (or of a DEAD one awaiting its dead letter).
    claimed_until    timestamptz,
    last_error       text,
    created_at       timestamptz not null,
    first_attempt_at timestamptz,
    completed_at     timestamptz,
    -- DEAD deliveries: when the event reached the dead-letter topic (null: still to publish).
    dead_lettered_at timestamptz,
    unique (event_id, channel),
    check ((status = 'PENDING') = (next_attempt_at is not null))
);

create index deliveries_due on deliveries (next_attempt_at) where status = 'PENDING';
create index deliveries_dead_letter_due on deliveries (completed_at) where status = 'DEAD' and dead_lettered_at is null;
create index deliveries_by_booking on deliveries (booking_id);

create table attempts (
    id           bigserial primary key,
    delivery_id  bigint not null references deliveries (id),
    attempt      int not null check (attempt >= 1),
    attempted_at timestamptz not null,
    -- SUCCESS, HTTP_ERROR, GONE, TIMEOUT, CONNECTION_ERROR, UNRESOLVED, REFUSED, SMTP_ERROR, INVALID_MESSAGE
    outcome      text not null,
    status_code  int,
    latency_ms   bigint not null check (latency_ms >= 0),
    error        text
);

create index attempts_by_delivery on attempts (delivery_id, attempt);
