package io.fms.notify;

/** Worker settings for tests that build pieces by hand, with short timeouts. */
public final class TestProperties {

    private TestProperties() {}

    public static NotifyProperties of(String secret, boolean allowLoopback) {
        return new NotifyProperties(
                secret, allowLoopback, "bookings@fms.local", 500, 500, 1000, 100, 400, 3000, 50, 8, 4, 50, 100, 2000);
    }
}
