package io.fms.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code Prefer} request header of RFC 7240: comma-separated preferences, each {@code name[=value]} with
 * optional {@code ;parameters}, the name case-insensitive, the value a token or a quoted string. A preference given
 * more than once counts the first time only, as the RFC says; preferences this API does not know are ignored.
 */
public final class Preferences {

    public static final String PREFER = "Prefer";
    public static final String PREFERENCE_APPLIED = "Preference-Applied";

    /** Header values read at most; a request with more is not asking for anything sensible. */
    private static final int PREFERENCES_MAX = 64;

    private Preferences() {}

    /**
     * The value of the first preference called {@code name} in {@code headers} (every {@code Prefer} header of the
     * request, in order): empty when absent, {@code ""} when given without a value.
     */
    public static Optional<String> first(List<String> headers, String name) {
        int seen = 0;
        for (String header : headers) {
            for (String preference : split(header, ',')) {
                if (++seen > PREFERENCES_MAX) {
                    return Optional.empty();
                }
                String nameAndValue = split(preference, ';').getFirst().strip();
                int equals = nameAndValue.indexOf('=');
                String key = (equals < 0 ? nameAndValue : nameAndValue.substring(0, equals)).strip();
                if (key.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return Optional.of(
                            equals < 0
                                    ? ""
                                    : unquote(nameAndValue.substring(equals + 1).strip()));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code value} split at {@code separator} where it is not inside a quoted string. */
    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                part.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder plain = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}
