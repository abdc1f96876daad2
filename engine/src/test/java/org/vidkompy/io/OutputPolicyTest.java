package org.vidkompy.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class OutputPolicyTest {

    @TempDir
    Path dir;

    private final OutputPolicy policy = new OutputPolicy();

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void write(OutputFile out, String content) throws IOException {
        Files.writeString(out.temp(), content);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void anInputIsNeverAnOutputUnderAnyName() throws IOException {
        Path in = file("fg.mp4", "master");
        Files.createDirectories(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link.mp4"), in);
        Path hard = Files.createLink(dir.resolve("hard.mp4"), in);
        for (Path out : List.of(in, dir.resolve("sub/../fg.mp4"), link, hard)) {
            OutputRefusedException e = assertThrows(OutputRefusedException.class,
                    () -> policy.claim(out, true, List.of(in)), out.toString());
            assertTrue(e.getMessage().contains("input"), e.getMessage());
        }
        assertEquals("master", Files.readString(in));
        assertEquals(List.of(in, hard, link, dir.resolve("sub")), entries(), "no temporary file left");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithOverwrite() throws IOException {
        Path out = file("out.mp4", "old");
        assertThrows(OutputRefusedException.class, () -> policy.claim(out, false, List.of()));
        try (OutputFile f = policy.claim(out, true, List.of())) {
            write(f, "new");
            assertEquals("old", Files.readString(out), "nothing changes before the commit");
            f.commit();
        }
        assertEquals("new", Files.readString(out));
        assertEquals(List.of(out), entries());
    }

    @Test
    void devicesFifosAndFoldersAreNeverReplacedEvenWithOverwrite() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path folder = Files.createDirectories(dir.resolve("folder.mp4"));
        for (Path out : List.of(Path.of("/dev/full"), Path.of("/dev/null"), fifo, folder)) {
            OutputRefusedException e = assertThrows(OutputRefusedException.class,
                    () -> policy.claim(out, true, List.of()), out.toString());
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
        assertFalse(Files.isRegularFile(Path.of("/dev/full")));
    }

    @Test
    void aSymbolicLinkToAnotherFileIsReplacedNotWrittenThrough() throws IOException {
        Path other = file("other.txt", "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("out.json"), other);
        try (OutputFile f = policy.claim(link, true, List.of())) {
            write(f, "{}");
            f.commit();
        }
        assertEquals("keep me", Files.readString(other));
        assertFalse(Files.isSymbolicLink(link));
        assertEquals("{}", Files.readString(link));
    }

    @Test
    void aFileThatAppearsWhileWritingIsKeptAndTheRunFails() throws IOException {
        Path out = dir.resolve("out.mp4");
        try (OutputFile f = policy.claim(out, false, List.of())) {
            write(f, "ours");
            Files.writeString(out, "someone else's");
            assertThrows(OutputRefusedException.class, f::commit);
        }
        assertEquals("someone else's", Files.readString(out));
        assertEquals(List.of(out), entries());
    }

    @Test
    void twoRunsForOneOutputNeverBothSucceed() throws IOException {
        Path out = dir.resolve("out.mp4");
        try (OutputFile first = policy.claim(out, false, List.of());
             OutputFile second = new OutputPolicy().claim(out, false, List.of())) {
            assertFalse(first.temp().equals(second.temp()));
            write(first, "first");
            write(second, "second");
            second.commit();
            assertThrows(OutputRefusedException.class, first::commit);
        }
        assertEquals("second", Files.readString(out));
        assertEquals(List.of(out), entries());
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws IOException {
        try (OutputFile f = policy.claim(dir.resolve("out.mp4"), false, List.of())) {
            write(f, "half");
            assertTrue(Files.exists(f.temp()));
            assertEquals(dir, f.temp().getParent(), "the temporary file lies beside the output");
        }
        assertEquals(List.of(), entries());
    }

    @Test
    void anInterruptRemovesTemporaryFilesAndRefusesLaterCommits() throws IOException {
        OutputFile a = policy.claim(dir.resolve("a.mp4"), false, List.of());
        OutputFile b = policy.claim(dir.resolve("b.json"), false, List.of());
        write(a, "x");
        assertEquals(List.of(dir.resolve("a.mp4"), dir.resolve("b.json")), policy.abandonAll());
        assertEquals(List.of(), entries());
        assertThrows(MediaException.class, a::commit);
        assertThrows(MediaException.class, () -> policy.claim(dir.resolve("c.mp4"), false, List.of()));
        a.close();
        b.close();
        assertEquals(List.of(), entries());
    }

    @Test
    void temporaryNamesStayWithinTheNameLimit() throws IOException {
        String name = "é".repeat(100) + "x".repeat(51) + ".mp4"; // 255 bytes in UTF-8
        assertEquals(255, name.getBytes(StandardCharsets.UTF_8).length);
        try (OutputFile f = policy.claim(dir.resolve(name), false, List.of())) {
            String temp = f.temp().getFileName().toString();
            assertTrue(temp.getBytes(StandardCharsets.UTF_8).length <= 255, temp);
            assertTrue(temp.startsWith(".") && temp.endsWith(".part"), temp);
            assertTrue(temp.matches("\\..*\\.vidkompy-\\d+-[0-9a-f]{8}\\.part"), temp);
            write(f, "ok");
            f.commit();
        }
        assertEquals("ok", Files.readString(dir.resolve(name)));
    }

    @Test
    void aTemporaryFileOfAKilledRunIsRemovedByTheNextRunAndALiveOneIsKept() throws Exception {
        Path out = dir.resolve("out.mp4");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = dir.resolve(".out.mp4.vidkompy-" + gone.pid() + "-0badf00d.part");
        Path live = dir.resolve(".out.mp4.vidkompy-" + ProcessHandle.current().parent().orElseThrow().pid()
                + "-00c0ffee.part");
        Path unrelated = dir.resolve(".out.mp4.something.part");
        for (Path p : List.of(stale, live, unrelated)) {
            Files.writeString(p, "x");
        }
        try (OutputFile f = policy.claim(out, false, List.of())) {
            assertFalse(Files.exists(stale));
            assertTrue(Files.exists(live));
            assertTrue(Files.exists(unrelated));
        }
    }

    @Test
    void aFreshFolderIsNewOrEmpty() throws IOException {
        Path made = policy.freshFolder(dir.resolve("new/deeper"));
        assertTrue(Files.isDirectory(made));
        assertEquals(made, policy.freshFolder(made), "an empty folder is fresh");
        Path bg = Files.writeString(made.resolve("bg.mp4"), "user's file");
        assertThrows(OutputRefusedException.class, () -> policy.freshFolder(made));
        assertThrows(OutputRefusedException.class, () -> policy.freshFolder(bg));
        assertArrayEquals("user's file".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(bg));
    }

    @Test
    void aMissingOrUnwritableFolderIsRefusedBeforeAnyWork() {
        Path out = dir.resolve("missing/out.mp4");
        OutputRefusedException e = assertThrows(OutputRefusedException.class,
                () -> policy.check(out, false, List.of()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
