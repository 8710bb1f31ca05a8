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

    /** Runs a command to completion; a non-zero exit fails the test with its output. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
