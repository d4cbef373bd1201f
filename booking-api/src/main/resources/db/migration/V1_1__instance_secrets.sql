-- Secrets booking-api makes for itself on first start and shares between its instances through the database, so
-- that no operator has to configure (or can forget, or leak) them. 'booking-id' keys the derivation of a booking ID
-- from an Idempotency-Key (BookingIds): a retry finds the same booking ID even after Redis lost the key, while
-- knowing a key (often guessable, e.g. an order number) does not reveal the booking ID, which is a credential.
create table instance_secrets (
    name       text primary key,
    secret     text        not null,
    created_at timestamptz not null default now(),
    constraint instance_secrets_length_check check (length(secret) >= 32)
);

-- Two version-4 UUIDs: 244 random bits from the server's strong random source.
insert into instance_secrets (name, secret)
values ('booking-id', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
