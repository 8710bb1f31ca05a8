package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Programs from Debian that e2e tests drive. `.ci/run` installs them; when one is missing the test
 * fails with what to install, it never skips.
 */
public final class Tools {

    private Tools() {
    }

    public static Path require(String debianPackage, String... candidates) {
        for (var candidate : candidates) {
            var path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return fail("The e2e tests need " + String.join(" or ", candidates) + ": apt-get install " + debianPackage);
    }

    /** Debian's Python 3 with {@code module} importable (from {@code debianPackage}). */
    public static Path requirePythonModule(String debianPackage, String module) throws IOException, InterruptedException {
        var python = require("python3", "/usr/bin/python3");
        var process = new ProcessBuilder(python.toString(), "-c", "import " + module).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("The e2e tests need the Python module " + module + ": apt-get install " + debianPackage + "\n" + output);
        }
        return python;
    }

    /** Runs a command to completion; a non-zero exit fails the test with its output. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        return run(command, java.util.Map.of());
    }

    /** {@code command} with these environment variables added to the test's own. */
    public static String run(List<String> command, java.util.Map<String, String> environment) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Timed out: " + command);
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }
}
