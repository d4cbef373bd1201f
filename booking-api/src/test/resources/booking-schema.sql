-- The processor's tables as docs/design.md describes them; tests create them to play the processor's part.
create schema if not exists booking;

create table if not exists booking.bookings (
    id                uuid primary key,
    trip_id           uuid        not null,
    status            text        not null,
    reason            text,
    unavailable_seats text[]      not null default '{}',
    seats             text[]      not null default '{}',
    passengers        jsonb       not null,
    contact_email     text,
    callback_url      text,
    requested_at      timestamptz not null,
    decided_at        timestamptz not null,
    cancelled_at      timestamptz
);

create table if not exists booking.booking_seats (
    trip_id     uuid not null,
    seat        text not null,
    booking_id  uuid not null,
    released_at timestamptz
);

create unique index if not exists booking_seats_live on booking.booking_seats (trip_id, seat) where released_at is null;
