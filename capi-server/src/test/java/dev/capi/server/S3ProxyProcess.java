package dev.capi.server;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy (the {@code jar-with-dependencies} test dependency) on the filesystem-nio2 backend, as a child java process
 * on a free port; closing it stops it.
 */
final class S3ProxyProcess implements AutoCloseable {
    static final String ACCESS_KEY = "capi-server-test-access";
    static final String SECRET_KEY = "capi-server-test-secret";

    private final URI endpoint;
    private final Process process;

    private S3ProxyProcess(URI endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    URI endpoint() {
        return endpoint;
    }

    static S3ProxyProcess start(Path dir) throws IOException, InterruptedException {
        String jar = System.getProperty("capi.test.s3proxy.jar", "");
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no S3Proxy jar at '" + jar + "' (system property capi.test.s3proxy.jar)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
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
                "jclouds.filesystem.basedir=" + Files.createDirectories(dir.resolve("data")), ""));
        Path log = dir.resolve("s3proxy.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar, "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3ProxyProcess s3 = new S3ProxyProcess(endpoint, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
                c.setConnectTimeout(500);
                c.getResponseCode();
                c.disconnect();
                return s3;
            } catch (IOException notYet) {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        s3.close();
        throw new IllegalStateException("S3Proxy did not listen within 60 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
