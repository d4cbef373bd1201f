-- The trace context of the command behind each event, so that an event the sweeper publishes later (after a crash,
-- or while Kafka was away) continues the request's trace like one the batch published itself.
alter table outbox add column traceparent text check (length(traceparent) = 55);
