package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.schedule.Plans;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> folderContents() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
        Path file = dir.resolve("out.json");
        AtomicFiles.writeString(file, "first");
        AtomicFiles.writeString(file, "second");
        assertEquals("second", Files.readString(file));
        assertEquals(List.of(file), folderContents());
        // the written file gets the permissions any new file gets, not a temporary file's owner-only ones
        Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(file));
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out.json");
        AtomicFiles.writeString(file, "old content");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("No space left on device"),
                e.getMessage());
        assertEquals("old content", Files.readString(file));
        assertEquals(List.of(file), folderContents());

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            throw new IllegalStateException("bug in the writer");
        }));
        assertEquals("old content", Files.readString(file));
        assertEquals(List.of(file), folderContents());
    }

    @Test
    void aFolderThatCannotHoldFilesGivesAClearMessage() throws IOException {
        // a regular file in place of the folder: refused even for root, unlike permissions
        Path notAFolder = dir.resolve("plain.txt");
        Files.writeString(notAFolder, "keep me");
        Path target = notAFolder.resolve("schedule.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("is not a folder"),
                e.getMessage());
        assertEquals("keep me", Files.readString(notAFolder));

        Path missing = dir.resolve("no/such/folder/schedule.json");
        e = assertThrows(IOException.class, () -> AtomicFiles.writeString(missing, "x"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aFolderThatRefusesTheNewFileKeepsTheOldOneWholeAndNoPartOfTheNew() throws IOException {
        // The new content goes to a temporary file beside the target, named after it with a suffix. With a
        // 250-byte name the target fits the file system's 255-byte limit and the temporary file cannot:
        // the folder refuses it whoever runs the build (root is not exempt, as it is from permissions).
        Path file = dir.resolve("s".repeat(245) + ".json");
        Files.writeString(file, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(file, "new"));
        assertTrue(e.getMessage().startsWith("cannot write " + file + ": cannot create a file in " + dir),
                e.getMessage());
        assertEquals("old", Files.readString(file), "the old file is not replaced");
        assertEquals(List.of(file), folderContents(), "no half-written file is left");
    }

    @Test
    void scheduleFilesAreWrittenThroughTheSameSafeguard() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file.txt"), "keep me");
        IOException e = assertThrows(IOException.class,
                () -> ScheduleCsv.write(notAFolder.resolve("ops.csv"), Plans.plainSchedule(
                        ReferenceData.graph("linear", "m0"))));
        assertTrue(e.getMessage().contains("ops.csv") && e.getMessage().contains("is not a folder"), e.getMessage());
        assertEquals("keep me", Files.readString(notAFolder));
    }

    @Test
    void aFolderInPlaceOfTheTargetIsLeftAlone() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "inside");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertEquals("inside", Files.readString(target.resolve("inside.txt")));
        assertEquals(List.of(target), folderContents());
    }
}
