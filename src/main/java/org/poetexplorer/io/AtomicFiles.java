package org.poetexplorer.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes files so that readers see either the old file or the complete new one, and a set of
 * files so that it is replaced as a whole as far as a file system allows.
 *
 * <p>Where a file goes: a symbolic link is followed to the file it names (the link stays a
 * link and that file is replaced); a folder, a device, a FIFO or a socket in the target's place
 * is refused and left as it is; the same file given twice in one set (after following links)
 * is refused.
 *
 * <p>How: every file's content goes to a temporary file in its target's folder; only when all
 * of them are written are they moved over their targets, one rename each. A failure while
 * writing (a full disk, a folder that refuses the file, an error of the content) deletes the
 * temporary files and leaves every target as it was, and the IOException says what went wrong
 * and where. A termination signal (SIGTERM, SIGINT) while a set is being written lets it finish
 * (at most {@link #EXIT_GRACE_MS} ms; a set still writing its temporary files then is abandoned
 * and they are deleted), so the set is the old one or the new one; once the moves have begun
 * they are finished. Only a kill that gives the program no chance to finish (SIGKILL, a power
 * cut) during the moves, which take microseconds, can leave some targets new and others old;
 * each target is still whole, and a temporary file ({@code .NAME.RANDOM.tmp}) may be left.
 */
public final class AtomicFiles {
    /** How long the program's exit waits for a set of files being written. */
    static final long EXIT_GRACE_MS = 5_000;
    private static final int MAX_LINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object LOCK = new Object();
    private static final Set<Transaction> ACTIVE = new HashSet<>();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> finishOnExit(EXIT_GRACE_MS), "poet-files"));
        } catch (IllegalStateException shuttingDown) {
            // nothing can be written any more anyway
        }
    }

    /** A file of a set could not be written; {@link #target()} is the path it was given as. */
    public static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path target;

        Failure(Path target, String reason, Throwable cause) {
            super("cannot write " + target + ": " + reason, cause);
            this.target = target;
        }

        public Path target() {
            return target;
        }
    }

    /** Produces the file's content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path target, Writer writer) throws IOException {
        Transaction t = new Transaction();
        t.add(target, writer);
        t.commit();
    }

    /** A new, empty set of files to write together. */
    public static Transaction transaction() {
        return new Transaction();
    }

    /**
     * The file writing {@code target} replaces: {@code target} itself, or the file its symbolic
     * links lead to, with every folder resolved.
     *
     * @throws IOException saying why {@code target} cannot be written: a folder, device, FIFO or
     *     socket is there, or its folder does not exist or is no folder
     */
    public static Path destination(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (absolute.getFileName() == null || absolute.getParent() == null) {
            throw new Failure(target, "not a file path", null);
        }
        BasicFileAttributes there = attributes(absolute);
        if (there != null) {
            refuseUnlessRegular(target, there);
            return absolute.toRealPath();
        }
        // nothing there, or a symbolic link to a file that does not exist yet: the file it would create
        Path p = absolute;
        for (int links = 0; ; links++) {
            Path folder = p.getParent();
            if (folder == null || p.getFileName() == null) {
                throw new Failure(target, "not a file path", null);
            }
            if (!Files.isDirectory(folder)) {
                throw new Failure(target, folder + (Files.exists(folder) ? " is not a folder" : " does not exist"),
                        null);
            }
            Path here = folder.toRealPath().resolve(p.getFileName());
            if (!Files.isSymbolicLink(here)) {
                return here;
            }
            if (links == MAX_LINKS) {
                throw new Failure(target, "too many symbolic links", null);
            }
            p = here.getParent().resolve(Files.readSymbolicLink(here));
        }
    }

    /** What is at {@code p}, links followed; null when nothing is. */
    private static BasicFileAttributes attributes(Path p, LinkOption... options) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, options);
        } catch (IOException e) {
            return null;
        }
    }

    private static void refuseUnlessRegular(Path target, BasicFileAttributes a) throws IOException {
        if (a.isDirectory()) {
            throw new Failure(target, "it is a folder", null);
        }
        if (!a.isRegularFile()) {
            throw new Failure(target, "it is not a regular file (a device, FIFO or socket), so it is left as it is",
                    null);
        }
    }

    /**
     * Files written together: {@link #add} each, then {@link #commit} writes them all to
     * temporary files and only then moves them over their targets (see {@link AtomicFiles}).
     */
    public static final class Transaction {
        private enum State { OPEN, STAGING, MOVING, DONE, ABANDONED }

        private record Entry(Path target, Path destination, Writer writer) {
        }

        private final List<Entry> entries = new ArrayList<>();
        private final List<Path> temps = new ArrayList<>();
        private State state = State.OPEN;

        private Transaction() {
        }

        /**
         * Adds a file to the set. Its target is checked now (see {@link #destination}).
         *
         * @throws IOException when the target cannot be written or is a file already in the set
         */
        public Transaction add(Path target, Writer writer) throws IOException {
            Path dest = destination(target);
            for (Entry e : entries) {
                if (e.destination().equals(dest)) {
                    throw new Failure(target, e.target().equals(target) ? "given twice"
                            : "it is the same file as " + e.target(), null);
                }
            }
            entries.add(new Entry(target, dest, writer));
            return this;
        }

        public Transaction addString(Path target, String text) throws IOException {
            return add(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        }

        /** Writes every file of the set: all or, on a failure, none (see {@link AtomicFiles}). */
        public void commit() throws IOException {
            synchronized (LOCK) {
                if (state != State.OPEN) {
                    throw new IllegalStateException("a set of files is written once");
                }
                state = State.STAGING;
                ACTIVE.add(this);
            }
            try {
                List<Path> staged = new ArrayList<>();
                for (Entry e : entries) {
                    staged.add(stage(e));
                }
                for (Entry e : entries) {
                    BasicFileAttributes now = attributes(e.destination(), LinkOption.NOFOLLOW_LINKS);
                    if (now != null) {
                        refuseUnlessRegular(e.target(), now);
                    }
                }
                synchronized (LOCK) {
                    if (state == State.ABANDONED) {
                        throw new Failure(entries.get(0).target(), "the program is ending (nothing was replaced)", null);
                    }
                    state = State.MOVING;
                }
                for (int i = 0; i < entries.size(); i++) {
                    move(entries.get(i), staged.get(i), i);
                }
            } finally {
                synchronized (LOCK) {
                    if (state == State.STAGING || state == State.MOVING) {
                        deleteTemps();
                    }
                    state = State.DONE;
                    ACTIVE.remove(this);
                    LOCK.notifyAll();
                }
            }
        }

        private Path stage(Entry e) throws IOException {
            Path dest = e.destination();
            Path folder = dest.getParent();
            // not Files.createTempFile: its owner-only permissions would stay with the moved file
            Path temp = folder.resolve("." + dest.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".tmp");
            OutputStream stream;
            synchronized (LOCK) {
                if (state == State.ABANDONED) {
                    throw new Failure(e.target(), "the program is ending (nothing was replaced)", null);
                }
                try {
                    stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (IOException x) {
                    throw new Failure(e.target(), "cannot create a file in " + folder + " (" + reason(x) + ")", x);
                }
                temps.add(temp);
            }
            try (OutputStream out = new BufferedOutputStream(stream)) {
                e.writer().write(out);
            } catch (IOException x) {
                throw new Failure(e.target(), reason(x), x);
            }
            return temp;
        }

        private void move(Entry e, Path temp, int index) throws IOException {
            try {
                try {
                    Files.move(temp, e.destination(), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException x) {
                    // same folder, so this only happens on unusual file systems: replace as well as they allow
                    Files.move(temp, e.destination(), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException x) {
                List<Path> written = new ArrayList<>();
                for (int i = 0; i < index; i++) {
                    written.add(entries.get(i).target());
                }
                throw new Failure(e.target(), "cannot replace it (" + reason(x) + ")"
                        + (written.isEmpty() ? "" : "; already replaced: " + written), x);
            }
            synchronized (LOCK) {
                temps.remove(temp);
            }
        }

        /** Called holding {@link #LOCK}. */
        private void deleteTemps() {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // the first failure is the one worth reporting
                }
            }
            temps.clear();
        }
    }

    /**
     * What the program's exit does: waits up to {@code graceMs} for the sets being written, then
     * abandons those still writing their temporary files (deleting them) and waits for those
     * whose moves have begun.
     */
    static void finishOnExit(long graceMs) {
        synchronized (LOCK) {
            long end = System.currentTimeMillis() + graceMs;
            try {
                for (long left = graceMs; !ACTIVE.isEmpty() && left > 0; left = end - System.currentTimeMillis()) {
                    LOCK.wait(left);
                }
                boolean moving = false;
                for (Transaction t : ACTIVE) {
                    if (t.state == Transaction.State.STAGING) {
                        t.state = Transaction.State.ABANDONED;
                        t.deleteTemps();
                    } else if (t.state == Transaction.State.MOVING) {
                        moving = true;
                    }
                }
                long movesEnd = System.currentTimeMillis() + graceMs;
                while (moving && System.currentTimeMillis() < movesEnd) {
                    LOCK.wait(Math.max(1, movesEnd - System.currentTimeMillis()));
                    moving = ACTIVE.stream().anyMatch(t -> t.state == Transaction.State.MOVING);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A readable reason: NIO exceptions often carry only the path as their message. */
    private static String reason(IOException e) {
        String what;
        if (e instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            what = "no such file or folder";
        } else if (e instanceof NotDirectoryException) {
            what = "not a folder";
        } else if (e instanceof FileAlreadyExistsException) {
            what = "already exists";
        } else if (e instanceof DirectoryNotEmptyException) {
            what = "a folder that is not empty is in the way";
        } else {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        }
        String file = e instanceof FileSystemException fse ? fse.getFile() : null;
        return file == null ? what : what + ": " + file;
    }
}
