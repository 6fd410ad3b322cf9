package io.catalogbatch.shared.services;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something outside the build that it needs (a server, a program) is missing, as
 * {@code PostgresDatabases} does for PostgreSQL: skip, with one visible line on stderr and an aborted test in JUnit's
 * report, or fail when {@value #REQUIRED_PROPERTY}{@code =true} (CI, which installs everything).
 */
public final class RequiredServices {

    public static final String REQUIRED_PROPERTY = "catalog-batch.require-services";

    private static final Set<String> NOTICED = new HashSet<>();

    private RequiredServices() {
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY, "false").trim());
    }

    /** The program as found on the PATH, or a skipped (or, where required, failed) test. */
    public static Path program(String name, String what, String install) {
        Optional<Path> found = onPath(name);
        if (found.isEmpty()) {
            unavailable(what, name + " is not on the PATH", install);
        }
        return found.orElseThrow();
    }

    public static Optional<Path> onPath(String name) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Skips the test, or fails it where services are required; says so once per {@code what} on stderr. */
    public static void unavailable(String what, String why, String remedy) {
        synchronized (NOTICED) {
            if (NOTICED.add(what)) {
                System.err.printf("NOTICE: tests with %s %s: %s. %s%n", what,
                        required() ? "fail (" + REQUIRED_PROPERTY + "=true)" : "skipped", why, remedy);
            }
        }
        String message = what + ": " + why;
        if (required()) {
            throw new IllegalStateException(message + ", and " + REQUIRED_PROPERTY + " is true");
        }
        Assumptions.abort(message + ": test skipped");
    }
}
