-- booking-api owns and migrates these tables (docs/design.md); the processor's tests create a copy to read from.
create schema if not exists catalog;

create table if not exists catalog.flights (
    id            uuid primary key,
    flight_number text unique not null,
    origin        char(3),
    destination   char(3),
    created_at    timestamptz default now()
);

create table if not exists catalog.trips (
    id             uuid primary key,
    flight_id      uuid references catalog.flights,
    departure_time timestamptz not null,
    seat_rows      int  not null,
    seat_columns   text not null,
    capacity       int  not null,
    created_at     timestamptz default now()
);
