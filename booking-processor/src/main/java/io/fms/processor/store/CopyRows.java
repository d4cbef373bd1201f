package io.fms.processor.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one {@code COPY ... FROM STDIN} in Postgres's text format: a batch of decisions goes to each table as one
 * stream, which Postgres parses far more cheaply than a multi-row INSERT with thousands of bound parameters.
 *
 * <p>Text format: columns split by tab, rows by newline, {@code \N} for null, and a backslash escapes itself, tab,
 * newline and carriage return inside a value.
 */
final class CopyRows {

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final StringBuilder text = new StringBuilder(64 * 1024);
    private boolean rowStarted;

    CopyRows uuid(UUID value) {
        return value == null ? nullValue() : raw(value.toString());
    }

    CopyRows text(String value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        escape(value);
        return this;
    }

    CopyRows integer(long value) {
        return raw(Long.toString(value));
    }

    CopyRows integer(Long value) {
        return value == null ? nullValue() : integer(value.longValue());
    }

    CopyRows bool(boolean value) {
        return raw(value ? "t" : "f");
    }

    /** Microseconds, as Postgres keeps them, rounded half up as the JDBC driver does. */
    CopyRows instant(Instant value) {
        if (value == null) {
            return nullValue();
        }
        long micros =
                Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), (value.getNano() + 500) / 1000);
        Instant rounded =
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        return raw(rounded.toString());
    }

    /** A {@code text[]} literal: every element double-quoted, so no element is read as NULL or split. */
    CopyRows textArray(Collection<String> values) {
        separate();
        text.append('{');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                text.append(',');
            }
            first = false;
            StringBuilder element = new StringBuilder(value.length() + 2).append('"');
            for (int index = 0; index < value.length(); index++) {
                char c = value.charAt(index);
                if (c == '"' || c == '\\') {
                    element.append('\\');
                }
                element.append(c);
            }
            escape(element.append('"'));
        }
        text.append('}');
        return this;
    }

    CopyRows bytes(byte[] value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        // bytea's hex input, \x..., with its backslash escaped for COPY.
        text.append("\\\\x");
        // Digit by digit into the rows: HexFormat would first build a String of the whole value.
        for (byte b : value) {
            text.append(HEX_DIGITS[(b >> 4) & 0xF]).append(HEX_DIGITS[b & 0xF]);
        }
        return this;
    }

    CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        return this;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** Streams the rows into {@code table (columns)} on the given connection, inside its current transaction. */
    long copyInto(Connection connection, String tableAndColumns) throws SQLException {
        if (text.isEmpty()) {
            return 0;
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        // Written in one piece: copyIn(String, InputStream) would allocate a 64 KB buffer per call to pump a stream.
        CopyIn copy =
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + tableAndColumns + " from stdin");
        try {
            copy.writeToCopy(data, 0, data.length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private CopyRows nullValue() {
        return raw("\\N");
    }

    private CopyRows raw(String value) {
        separate();
        text.append(value);
        return this;
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    private void escape(CharSequence value) {
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
