package io.fms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One {@code CONFIG GET} over RESP, to report the Redis durability every system runs with. */
final class RedisProbe {

    private static final int TIMEOUT_MS = 2000;
    private static final int ANSWER_MAX_BYTES = 4096;

    private RedisProbe() {}

    /** The setting's value, or a note saying why it could not be read. */
    static String config(String host, int port, String setting) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("*3\r\n$6\r\nCONFIG\r\n$3\r\nGET\r\n$" + setting.length() + "\r\n" + setting + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[ANSWER_MAX_BYTES];
            int length = 0;
            // *2 $n name $m value: the value is the fifth line.
            while (length < answer.length) {
                int n = in.read(answer, length, answer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                String[] lines = new String(answer, 0, length, StandardCharsets.US_ASCII).split("\r\n", -1);
                if (lines.length > 0 && lines[0].startsWith("-")) {
                    return "not read: " + lines[0].substring(1);
                }
                if (lines.length >= 6) {
                    return lines[0].equals("*0") ? "not read" : lines[4];
                }
                if (lines[0].equals("*0")) {
                    return "not read";
                }
            }
            return "not read";
        } catch (IOException e) {
            return "not read: " + e.getMessage();
        }
    }
}
