-- The catalog: flights and their trips. The processor reads these (trips joined with flights) to build a trip's
-- seat inventory, so the column names are part of the contract in docs/design.md.
create table flights (
    id            uuid primary key,
    flight_number text        not null unique,
    origin        char(3)     not null,
    destination   char(3)     not null,
    created_at    timestamptz not null default now(),
    constraint flights_route_check check (origin <> destination)
);

create index flights_route_idx on flights (origin, destination);

create table trips (
    id             uuid primary key,
    flight_id      uuid        not null references flights (id),
    departure_time timestamptz not null,
    seat_rows      int         not null,
    seat_columns   text        not null,
    capacity       int         not null,
    created_at     timestamptz not null default now(),
    -- The limits of docs/design.md, kept by the database as well as by the API.
    constraint trips_rows_check check (seat_rows between 1 and 150),
    constraint trips_columns_check check (seat_columns ~ '^[A-Z]{1,10}$'),
    constraint trips_capacity_check check (capacity = seat_rows * length(seat_columns))
);

create index trips_flight_idx on trips (flight_id);
create index trips_departure_idx on trips (departure_time);
