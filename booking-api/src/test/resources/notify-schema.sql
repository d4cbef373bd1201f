-- The notification worker's delivery log, column for column and type for type as its Flyway migration
-- notification-worker/src/main/resources/db/migration/V1__delivery_log.sql creates it in schema notify.
-- Tests create it to play the worker's part. Keep the two in step when the worker's schema changes.
create schema if not exists notify;

create table if not exists notify.events (
    event_id        uuid primary key,
    booking_id      uuid not null,
    sequence        bigint not null,
    event_type      text not null,
    payload         bytea not null,
    kafka_partition int not null,
    kafka_offset    bigint not null,
    received_at     timestamptz not null
);

create table if not exists notify.deliveries (
    id               bigserial primary key,
    event_id         uuid not null references notify.events (event_id),
    booking_id       uuid not null,
    channel          text not null check (channel in ('EMAIL', 'WEBHOOK')),
    destination      text not null,
    status           text not null check (status in ('PENDING', 'DELIVERED', 'DEAD', 'SKIPPED')),
    attempt_count    int not null default 0 check (attempt_count >= 0),
    next_attempt_at  timestamptz,
    claimed_until    timestamptz,
    last_error       text,
    created_at       timestamptz not null,
    first_attempt_at timestamptz,
    completed_at     timestamptz,
    dead_lettered_at timestamptz,
    unique (event_id, channel),
    check ((status = 'PENDING') = (next_attempt_at is not null))
);

create index if not exists deliveries_due on notify.deliveries (next_attempt_at) where status = 'PENDING';
create index if not exists deliveries_dead_letter_due on notify.deliveries (completed_at)
    where status = 'DEAD' and dead_lettered_at is null;
create index if not exists deliveries_by_booking on notify.deliveries (booking_id);

create table if not exists notify.attempts (
    id           bigserial primary key,
    delivery_id  bigint not null references notify.deliveries (id),
    attempt      int not null check (attempt >= 1),
    attempted_at timestamptz not null,
    outcome      text not null,
    status_code  int,
    latency_ms   bigint not null check (latency_ms >= 0),
    error        text
);

create index if not exists attempts_by_delivery on notify.attempts (delivery_id, attempt);
