package org.poetexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.poetexplorer.io.InputException;

/** Writing the file a command was given: a failure names the file and is the user's to fix (exit 2). */
final class FileWrites {
    private FileWrites() {
    }

    interface Write {
        void run() throws IOException;
    }

    static void attempt(Path file, Write write) throws InputException {
        try {
            write.run();
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
