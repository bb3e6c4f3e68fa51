package org.poetexplorer.io;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What {@link NetworkSource} and {@link DeviceSource} share: reading a name or a path given by a person. */
final class Sources {
    private Sources() {
    }

    /** {@code text} as one of the {@code known} names (which are lower case), or null when it is none. */
    static String known(String text, List<String> known) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return known.contains(name) ? name : null;
    }

    /**
     * {@code text} as one of the {@code known} names.
     *
     * @throws IllegalArgumentException naming the text and the known names when it is none
     */
    static String require(String text, List<String> known, String what) {
        String name = known(text, known);
        if (name == null) {
            throw new IllegalArgumentException("unknown " + what + " \"" + text + "\" (known: "
                    + String.join(", ", known) + ")");
        }
        return name;
    }

    /**
     * The file {@code text} names, which must exist.
     *
     * @param name what else the text could have named, for the message ("a network of the catalog (...)")
     * @param file what kind of file it should be, for the message
     * @throws IllegalArgumentException naming the text, both readings and that there is no such file
     */
    static Path existingFile(String text, String name, String file) {
        Path p;
        try {
            p = text == null || text.isBlank() ? null : Path.of(text.trim());
        } catch (InvalidPathException e) {
            p = null;
        }
        String why = p == null ? "no such file" : InputLimits.notAFile(p);
        if (why == null) {
            return p;
        }
        if (p != null && Files.exists(p)) {
            throw new IllegalArgumentException("\"" + text + "\" " + why + " (expected " + file + " or " + name + ")");
        }
        throw new IllegalArgumentException("\"" + text + "\" is neither " + name + " nor " + file + ": no such file");
    }

    /** The name of the file {@code source} names, without folder and extension; {@code source} when it names none. */
    static String stem(String source) {
        Path p;
        try {
            p = Path.of(source).getFileName();
        } catch (RuntimeException e) {
            return source;
        }
        String s = p == null ? source : p.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    /** How a picker shows a file: its name, marked as a file. */
    static String shown(Path file) {
        return file.getFileName() + "  (file)";
    }
}
