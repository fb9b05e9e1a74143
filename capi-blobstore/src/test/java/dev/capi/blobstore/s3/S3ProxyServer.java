package dev.capi.blobstore.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 server for tests: S3Proxy (its {@code jar-with-dependencies}, a test dependency) on the filesystem-nio2
 * backend, started once per JVM as a child {@code java} process on a free port and stopped when the JVM exits.
 */
public final class S3ProxyServer {
    public static final String ACCESS_KEY = "capi-test-access";
    public static final String SECRET_KEY = "capi-test-secret";
    private static S3ProxyServer shared;
    private static String unavailable;

    private final URI endpoint;
    private final Process process;

    private S3ProxyServer(URI endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    /** The JVM's S3Proxy, started on first use; empty (with {@link #unavailableReason}) when it cannot start. */
    public static synchronized Optional<S3ProxyServer> shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (IOException | RuntimeException e) {
                unavailable = "S3Proxy did not start: " + e.getMessage();
            }
        }
        return Optional.ofNullable(shared);
    }

    public static synchronized String unavailableReason() {
        return unavailable;
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Settings settings(String bucketPrefix) {
        return new S3Settings(endpoint, "us-east-1", ACCESS_KEY, SECRET_KEY, bucketPrefix);
    }

    private static S3ProxyServer start() throws IOException {
        String jar = System.getProperty("capi.test.s3proxy.jar", "");
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no S3Proxy jar at '" + jar + "' (system property capi.test.s3proxy.jar)");
        }
        Path dir = Files.createTempDirectory("capi-s3proxy");
        Path data = Files.createDirectories(dir.resolve("data"));
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "s3proxy.ignore-unknown-headers=true",
                "jclouds.provider=filesystem-nio2",
                "jclouds.identity=" + ACCESS_KEY,
                "jclouds.credential=" + SECRET_KEY,
                "jclouds.filesystem.basedir=" + data, ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--properties", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("s3proxy.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "s3proxy-stop"));
        S3ProxyServer server = new S3ProxyServer(endpoint, process);
        server.awaitListening(dir.resolve("s3proxy.log"));
        return server;
    }

    /** Polls until the server answers HTTP (any status), at most 60 s. */
    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("it exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for S3Proxy");
                }
            }
        }
        process.destroy();
        throw new IllegalStateException("it did not listen within 60 s");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
