package io.catalogbatch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small file system of its own (a tmpfs mount) to make a disk full or read-only for real: the tests run
 * as root, for whom permissions do not stop a write. Needs the right to mount; {@link #available()} says
 * whether this machine grants it, so a test can skip with that reason.
 */
final class SmallDisk implements AutoCloseable {

    private static Boolean available;

    private final Path folder;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    /** Whether tmpfs mounts work here (tried once). */
    static synchronized boolean available() {
        if (available == null) {
            try {
                Path probe = Files.createTempDirectory("small-disk-probe");
                available = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString())
                        && run("umount", probe.toString());
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    /** Mounts a tmpfs of this size ({@code 2m}) on the folder, created when missing. */
    static SmallDisk mount(Path folder, String size) throws IOException {
        Files.createDirectories(folder);
        if (!run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString())) {
            throw new IOException("cannot mount a tmpfs on " + folder);
        }
        return new SmallDisk(folder);
    }

    Path folder() {
        return folder;
    }

    /** Fills what is left of the disk with one file. */
    void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(folder.resolve("filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device: what we wanted.
        }
    }

    void free() throws IOException {
        Files.deleteIfExists(folder.resolve("filler"));
    }

    void resize(String size) throws IOException {
        remount("size=" + size);
    }

    void readOnly() throws IOException {
        remount("ro");
    }

    private void remount(String options) throws IOException {
        if (!run("mount", "-o", "remount," + options, folder.toString())) {
            throw new IOException("cannot remount " + folder + " " + options);
        }
    }

    @Override
    public void close() throws IOException {
        if (!run("umount", folder.toString()) && !run("umount", "-l", folder.toString())) {
            throw new IOException("cannot unmount " + folder);
        }
    }

    private static boolean run(String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return process.waitFor() == 0; // no deadline: a slow mount on a busy machine must not skip the tests
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
