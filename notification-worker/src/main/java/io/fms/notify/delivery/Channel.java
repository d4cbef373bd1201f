package io.fms.notify.delivery;

/** How a booking event reaches its people: one delivery per event and channel. */
public enum Channel {
    EMAIL,
    WEBHOOK
}
