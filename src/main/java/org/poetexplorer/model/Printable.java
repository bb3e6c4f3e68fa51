package org.poetexplorer.model;

import java.util.Locale;

/**
 * Text from files (node names, paths, values) as it may be shown: control characters (an ANSI
 * escape sequence's ESC, a carriage return, a backspace) and the characters that reorder text
 * on screen are written as {@code \}{@code uXXXX}, so that a name cannot move the cursor, recolour or
 * clear a terminal, or hide what follows it. Line breaks and tabs stay as they are.
 */
public final class Printable {
    private Printable() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (hidden(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean hidden(char c) {
        return Character.isISOControl(c) && c != '\n' && c != '\t'
                || c == '\u200e' || c == '\u200f' || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
