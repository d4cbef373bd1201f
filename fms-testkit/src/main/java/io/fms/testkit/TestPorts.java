package io.fms.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Local ports for tests: one a server can take, or one that refuses connections because nothing listens on it. */
public final class TestPorts {

    private TestPorts() {}

    /** A port nothing listens on as this returns (the system chose it free and it was closed again). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
