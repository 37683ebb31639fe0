package dev.paperstream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One paperstream service running from its built jar ({@code <module>/target/quarkus-app/quarkus-run.jar}) in a
 * process of its own, configured only by environment variables, as a user or a container would run it: with the
 * module's JVM options ({@code <module>/jvm.options}, which its image uses too), then {@code JAVA_OPTS} when set, so
 * a user's flag wins, and {@code MALLOC_ARENA_MAX=2} unless the environment sets it, as the images do.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The module's JVM options, a {@code java} argument file that its Dockerfile passes as well. */
    public static final String JVM_OPTIONS = "jvm.options";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code <projectDir>/<module>/target/quarkus-app/quarkus-run.jar} with {@code env} added to this
     * process's environment, output appended to {@code log}.
     */
    public static ServiceProcess start(Path projectDir, String module, int port, Map<String, String> env, Path log) {
        Path jar = projectDir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build first with ./mvnw package -DskipTests");
        }
        Path options = projectDir.resolve(module).resolve(JVM_OPTIONS);
        if (!Files.isRegularFile(options)) {
            throw new IllegalStateException(options + " not found: every service keeps its JVM options there");
        }
        ProcessBuilder builder = new ProcessBuilder()
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // glibc gives every thread that allocates its own 64 MB arena; the JVM's threads would fill RSS with them
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + options));
        String userOptions = builder.environment().getOrDefault("JAVA_OPTS", "").strip();
        if (!userOptions.isEmpty()) {
            command.addAll(List.of(userOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        builder.command(command);
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(module, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + module, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200, failing fast when the process exits. */
    public ServiceProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log: " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log: " + log);
    }

    /** Ends the process at once with SIGKILL, as a crash or an OOM killer would: no shutdown hook runs. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
