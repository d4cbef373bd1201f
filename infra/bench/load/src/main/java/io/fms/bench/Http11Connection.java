package io.fms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket: writes a request composed by the caller and reads the
 * response's status and body (by Content-Length or chunked) into a buffer reused for every response. The head is
 * parsed byte-wise, without a String per header: the profile of the load generator showed header strings as its
 * top cost. Connects on the first exchange and again after a {@code Connection: close} or a failed exchange.
 *
 * <p>Not thread-safe: one connection per thread of the load.
 */
final class Http11Connection implements AutoCloseable {

    static final int SOCKET_TIMEOUT_MS = 30_000;
    static final int CONNECT_TIMEOUT_MS = 5_000;

    private final String host;
    private final int port;
    private final byte[] in = new byte[16 * 1024];
    private int inStart;
    private int inEnd;
    private final byte[] body;
    private int bodyLength;
    private Socket socket;
    private InputStream input;
    private OutputStream output;

    /** @param bodyMaxBytes how much of a body is kept; the rest is read and dropped */
    Http11Connection(String host, int port, int bodyMaxBytes) {
        this.host = host;
        this.port = port;
        this.body = new byte[bodyMaxBytes];
    }

    /**
     * Sends {@code length} bytes of {@code request} (a whole request, head and body) and reads its response.
     *
     * @return the response's status; its body is then in {@link #body()}, its first {@link #bodyLength()} bytes
     * @throws IOException the connection failed or the answer is not HTTP/1.1 as this reads it; the connection is
     *     closed, and the next exchange opens a new one
     */
    int exchange(byte[] request, int length) throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            output.write(request, 0, length);
            output.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        input = socket.getInputStream();
        output = socket.getOutputStream();
        inStart = 0;
        inEnd = 0;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
        }
        socket = null;
    }

    private int readResponse() throws IOException {
        int headerEnd;
        while ((headerEnd = indexOf(in, inStart, inEnd, "\r\n\r\n")) < 0) {
            fill();
        }
        if (inEnd - inStart < 12 || in[inStart + 8] != ' ') {
            throw new IOException("not an HTTP response");
        }
        int status = (in[inStart + 9] - '0') * 100 + (in[inStart + 10] - '0') * 10 + (in[inStart + 11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        int line = indexOf(in, inStart, headerEnd, "\r\n") + 2;
        while (line < headerEnd) {
            int lineEnd = indexOf(in, line, headerEnd + 2, "\r\n");
            if (startsWithIgnoreCase(in, line, lineEnd, "content-length:")) {
                contentLength = parseLong(in, line + 15, lineEnd);
            } else if (startsWithIgnoreCase(in, line, lineEnd, "transfer-encoding:")) {
                chunked = containsIgnoreCase(in, line, lineEnd, "chunked");
            } else if (startsWithIgnoreCase(in, line, lineEnd, "connection:")) {
                closeAfter = containsIgnoreCase(in, line, lineEnd, "close");
            }
            line = lineEnd + 2;
        }
        inStart = headerEnd + 4;
        bodyLength = 0;
        if (chunked) {
            while (true) {
                int sizeEnd;
                while ((sizeEnd = indexOf(in, inStart, inEnd, "\r\n")) < 0) {
                    fill();
                }
                String sizeText = new String(in, inStart, sizeEnd - inStart, StandardCharsets.US_ASCII);
                int semicolon = sizeText.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).strip(), 16);
                inStart = sizeEnd + 2;
                readBody(size);
                // the chunk's CRLF (after the last chunk: the empty trailer's CRLF)
                while (inEnd - inStart < 2) {
                    fill();
                }
                inStart += 2;
                if (size == 0) {
                    break;
                }
            }
        } else if (contentLength > 0) {
            readBody((int) Math.min(contentLength, Integer.MAX_VALUE));
        } else if (contentLength < 0) {
            throw new IOException("a response without a length");
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private void readBody(int size) throws IOException {
        int remaining = size;
        while (remaining > 0) {
            if (inStart == inEnd) {
                fill();
            }
            int n = Math.min(remaining, inEnd - inStart);
            int room = Math.min(n, body.length - bodyLength);
            System.arraycopy(in, inStart, body, bodyLength, room);
            bodyLength += room;
            inStart += n;
            remaining -= n;
        }
    }

    private void fill() throws IOException {
        if (inStart == inEnd) {
            inStart = 0;
            inEnd = 0;
        } else if (inEnd == in.length) {
            if (inStart == 0) {
                throw new IOException("response head longer than " + in.length + " bytes");
            }
            System.arraycopy(in, inStart, in, 0, inEnd - inStart);
            inEnd -= inStart;
            inStart = 0;
        }
        int n = input.read(in, inEnd, in.length - inEnd);
        if (n < 0) {
            throw new IOException("connection closed by the server");
        }
        inEnd += n;
    }

    private static boolean startsWithIgnoreCase(byte[] bytes, int from, int to, String lowerAscii) {
        if (to - from < lowerAscii.length()) {
            return false;
        }
        for (int j = 0; j < lowerAscii.length(); j++) {
            if ((bytes[from + j] | 0x20) != lowerAscii.charAt(j) && bytes[from + j] != lowerAscii.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(byte[] bytes, int from, int to, String lowerAscii) {
        for (int i = from; i <= to - lowerAscii.length(); i++) {
            if (startsWithIgnoreCase(bytes, i, to, lowerAscii)) {
                return true;
            }
        }
        return false;
    }

    private static long parseLong(byte[] bytes, int from, int to) throws IOException {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
                digits = true;
            } else if (b != ' ' && b != '\t') {
                throw new IOException("a malformed Content-Length");
            }
        }
        if (!digits) {
            throw new IOException("an empty Content-Length");
        }
        return value;
    }

    private static int indexOf(byte[] bytes, int from, int to, String ascii) {
        outer:
        for (int i = from; i <= to - ascii.length(); i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
