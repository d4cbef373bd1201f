-- Every row a batch writes costs Postgres its constraint checks and index entries; two of them guarded nothing.

-- A batch's seats are written in the same transaction as their bookings, by the same code, so the foreign key from
-- booking_seats to bookings could not fail; yet Postgres checked it row by row (a lookup and a row lock on the
-- booking), which made the seats the most expensive rows of a batch. What keeps a seat from being sold twice is the
-- unique index booking_seats_live_seat, which stays.
alter table booking_seats drop constraint booking_seats_booking_id_fkey;

-- seq is an identity "generated always": nothing else can write it, so its values are unique without an index of
-- their own. The sweeper reads rows in seq order through outbox_partition (kafka_partition, seq).
alter table outbox drop constraint outbox_seq_key;
