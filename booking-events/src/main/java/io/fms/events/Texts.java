package io.fms.events;

/**
 * What text a command may carry. The processor stores commands in Postgres, which refuses a NUL in any text and a
 * lone surrogate (it has no UTF-8 form) in jsonb; a command holding either would fail its batch's transaction on
 * every retry. The API refuses less than it could store, too: text a person could not have typed.
 */
public final class Texts {

    private Texts() {}

    /** Whether Postgres can store {@code text}: no NUL, and every surrogate in a pair. */
    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Storable, and free of Unicode's noncharacters (U+FDD0-U+FDEF, and U+xFFFE/U+xFFFF of every plane). */
    public static boolean isWellFormed(String text) {
        return isStorable(text) && text.codePoints().noneMatch(Texts::isNoncharacter);
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint & 0xfffe) == 0xfffe || (codePoint >= 0xfdd0 && codePoint <= 0xfdef);
    }
}
