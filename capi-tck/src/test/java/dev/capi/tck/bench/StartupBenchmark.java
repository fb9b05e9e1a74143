package dev.capi.tck.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The startup benchmark: starts the standalone jar as a child process on a fresh data dir (free ports), polls
 * {@code GET /} until it answers 200, stops it, then starts it again on the same data dir; N rounds, medians.
 * Arguments: {@code [jar] [rounds] [extra JVM options...]}; the jar defaults to {@code capi-server/target/capi-server.jar}
 * (or {@code ../capi-server/...} when run from {@code capi-tck}).
 */
public final class StartupBenchmark {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** The child's CPU time (all threads) when it first answered: steadier than wall time on a busy machine. */
    private static final List<Double> CPU = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : defaultJar();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> jvmOptions = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> fresh = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Path dataDir = Files.createTempDirectory("capi-startup-");
            try {
                fresh.add(startAndStop(java, jvmOptions, jar, dataDir, "fresh-" + i));
                restart.add(startAndStop(java, jvmOptions, jar, dataDir, "restart-" + i));
            } finally {
                delete(dataDir);
            }
            System.out.printf(Locale.ROOT, "round %d: fresh %.2f s, restart %.2f s%n", i + 1, fresh.get(i),
                    restart.get(i));
        }
        System.out.printf(Locale.ROOT, "startup to first 200 on GET / | median s | min s | max s%n");
        print("fresh data dir", fresh);
        print("restart (same data dir)", restart);
        if (CPU.size() == 2 * rounds) {
            List<Double> freshCpu = new ArrayList<>();
            List<Double> restartCpu = new ArrayList<>();
            for (int i = 0; i < CPU.size(); i++) {
                (i % 2 == 0 ? freshCpu : restartCpu).add(CPU.get(i));
            }
            print("CPU time, fresh data dir", freshCpu);
            print("CPU time, restart", restartCpu);
        }
    }

    private static void print(String name, List<Double> seconds) {
        List<Double> sorted = seconds.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s | %.2f | %.2f | %.2f%n", name, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static Path defaultJar() {
        Path here = Path.of("capi-server/target/capi-server.jar");
        return Files.exists(here) ? here : Path.of("../capi-server/target/capi-server.jar");
    }

    /** Seconds from process start to the first 200 on {@code GET /}; the child is stopped (SIGTERM, then waited). */
    private static double startAndStop(String java, List<String> jvmOptions, Path jar, Path dataDir, String label)
            throws Exception {
        int port = freePort();
        int internalPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CAPI_DATA_DIR", dataDir.toString());
        builder.environment().put("CAPI_PORT", Integer.toString(port));
        builder.environment().put("CAPI_INTERNAL_PORT", Integer.toString(internalPort));
        builder.environment().put("CAPI_ADMIN_PASSWORD", "startup-benchmark");
        Path log = dataDir.resolve("server-" + label + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        URI root = URI.create("http://127.0.0.1:" + port + "/");
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = start + LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited (" + process.exitValue() + "); see " + log
                            + ":\n" + Files.readString(log));
                }
                if (answers(root)) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    process.toHandle().info().totalCpuDuration().ifPresent(cpu -> CPU.add(cpu.toMillis() / 1e3));
                    return seconds;
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("no 200 on GET / within " + LIMIT + "; see " + log);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean answers(URI root) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
