package org.poetexplorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.poetexplorer.io.AtomicFiles;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.backends.Backends;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The types of the command line's values. Each refuses a bad value with one line saying what is
 * wrong and quoting the value; {@link PoetCli} puts the option's name in front and exits with
 * {@link PoetCli#BAD_INPUT} before any command runs.
 */
final class Converters {
    private Converters() {
    }

    /** Bytes as people write them: 1500000, 1.5MB, 512KiB ({@link Quantities#parseBytes}). */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return refusing(() -> Quantities.parseBytes(value));
        }
    }

    /** A RAM budget: a size as {@link Size} reads it, or a share of the plain peak such as 80% ({@link RamAmount}). */
    static final class Ram implements ITypeConverter<RamAmount> {
        @Override
        public RamAmount convert(String value) {
            return refusing(() -> RamAmount.parse(value));
        }
    }

    /** A runtime budget in plain steps: 1.5 or 1.5x, at least 1 ({@link Allowance#parseRuntimeRatio}). */
    static final class RuntimeRatio implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return refusing(() -> Allowance.parseRuntimeRatio(value));
        }
    }

    /** A time limit: a positive finite number of seconds ({@link SolveOptions#requireTimeLimit}). */
    static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d = number(value, "a number");
            return refusing(() -> SolveOptions.requireTimeLimit(d));
        }
    }

    /** Solver threads: a whole number from 1 to {@link SolveOptions#MAX_THREADS}. */
    static final class Threads implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            double d = number(value, "a whole number");
            return refusing(() -> SolveOptions.requireThreads(d));
        }
    }

    /** A positive duration as people write it: 1ms, 10us, 0.5s ({@link Quantities#parseSeconds}). */
    static final class Duration implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return refusing(() -> Quantities.parseSeconds(value));
        }
    }

    /** A whole number, at least 1 (threads, repetitions, a batch size). */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("\"" + value + "\" is not a whole number");
            }
            if (n < 1) {
                throw new TypeConversionException("must be at least 1 (was " + n + ")");
            }
            return n;
        }
    }

    /** The name of a solver backend, in any case. */
    static final class Solver implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = value.trim().toLowerCase(Locale.ROOT);
            List<String> known = Backends.names();
            if (!known.contains(name)) {
                throw new TypeConversionException("unknown solver \"" + value + "\" (known: " + String.join(", ", known)
                        + ")");
            }
            return name;
        }
    }

    /** A catalog network by name, else a network file ({@link NetworkSource#parse}). */
    static final class Network implements ITypeConverter<NetworkSource> {
        @Override
        public NetworkSource convert(String value) {
            return refusing(() -> NetworkSource.parse(value));
        }
    }

    /** A built-in device by id, else a profile file ({@link DeviceSource#parse}). */
    static final class DeviceProfile implements ITypeConverter<DeviceSource> {
        @Override
        public DeviceSource convert(String value) {
            return refusing(() -> DeviceSource.parse(value));
        }
    }

    /** A file to read: it must exist. */
    static final class FileToRead implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = path(value);
            if (!Files.isRegularFile(p)) {
                throw new TypeConversionException("no such file \"" + value + "\"");
            }
            return p;
        }
    }

    /** A file to write: its folder must exist, and no folder, device or FIFO may be in its place. */
    static final class FileToWrite implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = path(value);
            try {
                AtomicFiles.destination(p);
            } catch (IOException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return p;
        }
    }

    /** A folder to write files into: made when missing, as long as its parent is a folder. */
    static final class FolderToWrite implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = path(value);
            if (Files.isDirectory(p)) {
                return p;
            }
            if (Files.exists(p)) {
                throw new TypeConversionException(value + " is a file (expected a folder)");
            }
            Path parent = p.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new TypeConversionException("cannot make folder " + value + ": " + (parent == null ? "no parent"
                        : parent + (Files.exists(parent) ? " is not a folder" : " does not exist")));
            }
            return p;
        }
    }

    /**
     * RAM budgets FROM:TO:STEPS, each end a size as {@link Size} reads it or a share of the plain
     * peak, e.g. 0.6MB:2.5MB:20 or 60%:100%:9. Sizes are checked here; shares once the network is
     * loaded ({@link RamSpan#range}).
     */
    static final class RamRange implements ITypeConverter<RamSpan> {
        @Override
        public RamSpan convert(String value) {
            String[] parts = value.trim().split(":", -1);
            if (parts.length != 3) {
                throw new TypeConversionException("expected FROM:TO:STEPS, e.g. 0.6MB:2.5MB:20 or 60%:100%:9 (was \""
                        + value + "\")");
            }
            RamAmount from = amount("FROM", parts[0], value);
            RamAmount to = amount("TO", parts[1], value);
            int steps;
            try {
                steps = Integer.parseInt(parts[2].trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("STEPS \"" + parts[2] + "\" is not a whole number (was \"" + value
                        + "\")");
            }
            RamSpan span = new RamSpan(from, to, steps, value);
            if (from.shareOfPlainPeak() == 0 && to.shareOfPlainPeak() == 0) {
                try {
                    span.range(0);
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException(e.getMessage() + " in \"" + value + "\"");
                }
            }
            return span;
        }

        private static RamAmount amount(String part, String text, String whole) {
            try {
                return RamAmount.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(part + " " + e.getMessage() + " (was \"" + whole + "\")");
            }
        }
    }

    /** {@code value} as a number; {@code what} says what it should have been when it is none. */
    private static double number(String value, String what) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("\"" + value + "\" is not " + what);
        }
    }

    private static Path path(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("empty path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("not a usable path: " + value + " (" + e.getReason() + ")");
        }
    }

    /** What {@code parse} gives; the reason it refuses the value as picocli's conversion error. */
    private static <T> T refusing(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
