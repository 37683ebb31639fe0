package dev.paperstream.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lints an OpenAPI document with Redocly CLI's recommended rules ({@code tools/openapi-lint}, installed from npm by
 * its lock file on first use). A document passes only with no error and no warning.
 */
public final class OpenApiLint {

    private OpenApiLint() {
    }

    /** Where the linter can run: node and npm are on the PATH. Tests skip the lint where they are not. */
    public static boolean available() {
        return run(List.of("npm", "--version"), Path.of("."), 60).exitCode() == 0;
    }

    /**
     * @param document the document as JSON, written next to the report under {@code target}
     * @return the linter's report; {@link Result#clean()} tells whether it found nothing
     */
    public static Result lint(String service, String document) throws IOException {
        Path tools = projectDir().resolve("tools/openapi-lint");
        if (!Files.isExecutable(tools.resolve("node_modules/.bin/redocly"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), tools, 600);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci in " + tools + " failed:\n" + install.output());
            }
        }
        Path file = Files.createDirectories(Path.of("target")).resolve(service + "-openapi.json").toAbsolutePath();
        Files.writeString(file, document, StandardCharsets.UTF_8);
        return run(List.of(tools.resolve("node_modules/.bin/redocly").toString(), "lint", file.toString(),
                "--config", tools.resolve("redocly.yaml").toString()), tools, 300);
    }

    public record Result(int exitCode, String output) {

        public boolean clean() {
            return exitCode == 0 && !output.contains("Warning was generated") && !output.contains("Error was generated");
        }
    }

    private static Path projectDir() {
        String dir = System.getProperty("paperstream.project.dir");
        if (dir == null) {
            throw new IllegalStateException("system property paperstream.project.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    private static Result run(List<String> command, Path dir, int timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            // no telemetry or update check: the lint must not depend on reaching anything but the npm registry
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, command + " could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
