package dev.capi.server.runtime.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Starting child processes whose stdout and stderr go, line by line, to consumers (the app's log). */
final class ChildProcesses {
    private ChildProcesses() {
    }

    /** The exit code of a finished command, or -1 when it outlived {@code timeout} (then it was killed). */
    static int run(List<String> command, Path dir, Map<String, String> env, Duration timeout, Consumer<String> out,
                   Consumer<String> err) {
        Process process = launch(command, dir, env);
        Thread stdout = pump(process.getInputStream(), out, "capi-stage-io");
        Thread stderr = pump(process.getErrorStream(), err, "capi-stage-io");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process.toHandle(), Duration.ZERO);
                return -1;
            }
            // every line the command printed is consumed before its exit code is acted on
            stdout.join(10_000);
            stderr.join(10_000);
            return process.exitValue();
        } catch (InterruptedException e) {
            kill(process.toHandle(), Duration.ZERO);
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs a tool the runtime needs (tar, unzip); its output goes to the exception when it fails. */
    static void tool(Path dir, String... command) {
        StringBuilder output = new StringBuilder();
        int code = run(List.of(command), dir, Map.of(), Duration.ofMinutes(10), line -> output.append(line)
                .append('\n'), line -> output.append(line).append('\n'));
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code + ": " + output);
        }
    }

    /** Starts {@code command} with exactly {@code env} (nothing inherited but PATH); stdin is closed. */
    static Process start(List<String> command, Path dir, Map<String, String> env, Consumer<String> out,
                         Consumer<String> err, String threadName) {
        Process process = launch(command, dir, env);
        pump(process.getInputStream(), out, threadName);
        pump(process.getErrorStream(), err, threadName);
        return process;
    }

    private static Process launch(List<String> command, Path dir, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.clear();
        environment.put("PATH", path);
        environment.put("LANG", "C.UTF-8");
        environment.putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the process and its descendants: SIGTERM, then SIGKILL to whatever still runs after {@code grace}.
     */
    static void kill(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(0, process);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // still alive: killed below
                }
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static Thread pump(InputStream stream, Consumer<String> lines, String threadName) {
        Thread t = new Thread(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
