package io.fms.events;

/** A traveller on a booking. */
public record Passenger(String name) {}
