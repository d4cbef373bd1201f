-- Holds with a payment deadline, payment confirmations and waitlists. A booking now changes after its first decision
-- (HELD -> CONFIRMED / EXPIRED / CANCELLED, WAITLISTED -> HELD / CONFIRMED / CANCELLED / REJECTED); the row always
-- holds its latest state, and booking_seats the seats of HELD and CONFIRMED bookings, so the unique index on live
-- seats keeps a held seat from being sold as well.

alter table bookings drop constraint bookings_status_check;
alter table bookings add constraint bookings_status_check
    check (status in ('HELD', 'CONFIRMED', 'WAITLISTED', 'REJECTED', 'EXPIRED', 'CANCELLED'));

alter table bookings drop constraint bookings_reason_check;
alter table bookings add constraint bookings_reason_check
    check (reason in ('SEAT_UNAVAILABLE', 'SOLD_OUT', 'TRIP_CLOSED', 'INVALID_SEAT', 'WAITLIST_FULL'));

-- What the request asked for: a hold of this many seconds (null: confirm at once), and whether it may wait.
alter table bookings add column hold_seconds int check (hold_seconds between 30 and 1800);
alter table bookings add column waitlist boolean not null default false;
-- The deadline of the booking's hold, once it was HELD.
alter table bookings add column hold_expires_at timestamptz;
alter table bookings add column payment_reference text;
-- A payment appended after the deadline: the booking stayed EXPIRED and the client is to refund it.
alter table bookings add column late_payment_reference text;
alter table bookings add column late_confirmation_at timestamptz;
-- A waiting party's place: the offset of its request on the trip's partition, and how often it was passed over.
alter table bookings add column waitlist_order bigint;
alter table bookings add column waitlist_pass_overs int not null default 0 check (waitlist_pass_overs >= 0);
-- Events published for the booking so far; the next event's sequence is one more.
alter table bookings add column event_sequence int not null default 1 check (event_sequence >= 1);
update bookings set event_sequence = 2 where status = 'CANCELLED';

-- A partition's owner loads every trip with a timer (a live hold, a waiting party) when it takes the partition, so
-- that deadlines pass on trips no command has touched since.
create index bookings_open on bookings (trip_id) where status in ('HELD', 'WAITLISTED');
