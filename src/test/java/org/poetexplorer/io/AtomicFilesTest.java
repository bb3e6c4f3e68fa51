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

    @Test
    void aLinkIsFollowedToTheFileItNamesAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("new", Files.readString(real));

        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path dangling = Files.createSymbolicLink(dir.resolve("later.json"), elsewhere.resolve("later.json"));
        AtomicFiles.writeString(dangling, "made");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("made", Files.readString(elsewhere.resolve("later.json")));
    }

    @Test
    void aDeviceOrFifoInPlaceOfTheTargetIsLeftAsItIs() throws Exception {
        Path device = Files.createSymbolicLink(dir.resolve("null.json"), Path.of("/dev/null"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(device, "x"));
        assertTrue(e.getMessage().startsWith("cannot write " + device + ": it is not a regular file"), e.getMessage());
        assertTrue(Files.isSymbolicLink(device), "the link to the device is left as it was");
        assertTrue(Files.readAttributes(Path.of("/dev/null"), java.nio.file.attribute.BasicFileAttributes.class)
                .isOther(), "/dev/null is still a device");

        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        e = assertThrows(IOException.class, () -> AtomicFiles.writeString(fifo, "x"));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther());
        assertEquals(List.of(fifo, device), folderContents());
    }

    @Test
    void oneFileGivenTwiceInASetIsRefusedEvenThroughALink() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("b.json"), a.getFileName());
        AtomicFiles.Transaction files = AtomicFiles.transaction().addString(a, "one");
        IOException e = assertThrows(IOException.class, () -> files.addString(link, "two"));
        assertEquals("cannot write " + link + ": it is the same file as " + a, e.getMessage());
        e = assertThrows(IOException.class, () -> files.addString(a, "two"));
        assertTrue(e.getMessage().endsWith("given twice"), e.getMessage());
    }

    @Test
    void aSetIsReplacedWholeOrNotAtAll() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), "old a");
        Path b = Files.writeString(dir.resolve("b.json"), "old b");
        AtomicFiles.Transaction failing = AtomicFiles.transaction().addString(a, "new a").add(b, out -> {
            throw new IOException("No space left on device");
        });
        IOException e = assertThrows(IOException.class, failing::commit);
        assertTrue(e.getMessage().startsWith("cannot write " + b), e.getMessage());
        assertEquals("old a", Files.readString(a), "the first file is not replaced when the second fails");
        assertEquals(List.of(a, b), folderContents());

        AtomicFiles.transaction().addString(a, "new a").addString(b, "new b").commit();
        assertEquals("new a", Files.readString(a));
        assertEquals("new b", Files.readString(b));
        assertEquals(List.of(a, b), folderContents());
    }

    private static java.util.concurrent.CompletableFuture<Void> inBackground(AtomicFiles.Transaction files) {
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                files.commit();
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        });
    }

    @Test
    void theProgramsEndAbandonsASetStillBeingWrittenAndLeavesTheOldFiles() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "old a");
        Path b = Files.writeString(dir.resolve("b.json"), "old b");
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicFiles.Transaction files = AtomicFiles.transaction().addString(a, "new a").add(b, out -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
            out.write("new b".getBytes(StandardCharsets.UTF_8));
        });
        java.util.concurrent.CompletableFuture<Void> commit = inBackground(files);
        writing.await();
        AtomicFiles.finishOnExit(50);
        assertEquals(List.of(a, b), folderContents(), "the temporary files are gone once the exit has waited");
        release.countDown();
        Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class, commit::get).getCause();
        assertTrue(failure.getMessage().contains("the program is ending"), failure.getMessage());
        assertEquals("old a", Files.readString(a));
        assertEquals("old b", Files.readString(b));
        assertEquals(List.of(a, b), folderContents());
    }

    @Test
    void theProgramsEndWaitsForASetThatFinishesInTime() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "old a");
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        AtomicFiles.Transaction files = AtomicFiles.transaction().add(a, out -> {
            writing.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
            out.write("new a".getBytes(StandardCharsets.UTF_8));
        });
        java.util.concurrent.CompletableFuture<Void> commit = inBackground(files);
        writing.await();
        AtomicFiles.finishOnExit(5_000);
        assertEquals("new a", Files.readString(a), "the exit returned only after the set was written");
        commit.get();
        assertEquals(List.of(a), folderContents());
    }
}
