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
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes files so that readers see either the old file or the complete new one: the content
 * goes to a temporary file in the same folder, which is then moved over the target in one
 * step. On any failure the temporary file is deleted, the old file is untouched, and the
 * IOException says what went wrong and where.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

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
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            throw new IOException("cannot write " + target + ": not a file path");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException("cannot write " + target + ": " + folder
                    + (Files.exists(folder) ? " is not a folder" : " does not exist"));
        }
        // not Files.createTempFile: its owner-only permissions would stay with the moved file
        Path temp = folder.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                + ".tmp");
        OutputStream stream;
        try {
            stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": cannot create a file in " + folder + " ("
                    + reason(e) + ")", e);
        }
        boolean done = false;
        try {
            try (OutputStream out = new BufferedOutputStream(stream)) {
                writer.write(out);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + reason(e), e);
            }
            try {
                moveOver(temp, absolute);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": cannot replace it (" + reason(e) + ")", e);
            }
            done = true;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the first failure is the one worth reporting
                }
            }
        }
    }

    private static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder, so this only happens on unusual file systems: replace as well as they allow
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
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
