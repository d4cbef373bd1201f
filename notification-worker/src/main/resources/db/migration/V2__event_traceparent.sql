-- The W3C traceparent the event record carried (version 00, 55 characters), so that every attempt of its
-- deliveries, a retry hours later included, hands the booking's trace on to the receiver. Null: the event had none.
alter table events add column traceparent text check (traceparent is null or char_length(traceparent) = 55);
