package dev.capi.blobstore.webdav;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real WebDAV blobstore for tests: Debian's nginx with its DAV module and {@code libnginx-mod-http-dav-ext}, in the
 * reference's internal-blobstore shape ({@code /admin/} with basic auth, {@code /read/} with {@code secure_link}),
 * started once per JVM on a free port and stopped when the JVM exits. Without nginx or the module it is unavailable
 * and the tests that need it are skipped with the reason.
 */
public final class NginxDavServer {
    public static final String USER = "blobstore";
    public static final String PASSWORD = "capi-test-password";
    public static final String SECRET = "capi-test-secret";
    private static final List<String> NGINX = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx");
    private static final Path DAV_EXT = Path.of("/usr/lib/nginx/modules/ngx_http_dav_ext_module.so");
    private static NginxDavServer shared;
    private static String unavailable;

    private final URI endpoint;
    private final Path root;

    private NginxDavServer(URI endpoint, Path root) {
        this.endpoint = endpoint;
        this.root = root;
    }

    public static synchronized Optional<NginxDavServer> shared() {
        if (shared == null && unavailable == null) {
            Optional<String> nginx = NGINX.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
            if (nginx.isEmpty() || !Files.exists(DAV_EXT)) {
                unavailable = "nginx with the dav-ext module is not installed "
                        + "(apt-get install -y nginx libnginx-mod-http-dav-ext)";
            } else {
                try {
                    shared = start(nginx.get());
                } catch (IOException | RuntimeException e) {
                    unavailable = "nginx did not start: " + e.getMessage();
                }
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

    /** The directory nginx serves {@code /admin/} and {@code /read/} from. */
    public Path root() {
        return root;
    }

    public WebDavSettings settings() {
        return new WebDavSettings(endpoint, USER, PASSWORD, SECRET);
    }

    private static NginxDavServer start(String nginx) throws IOException {
        Path dir = Files.createTempDirectory("capi-nginx-dav");
        Path root = Files.createDirectories(dir.resolve("root"));
        Path temp = Files.createDirectories(dir.resolve("temp"));
        Files.writeString(dir.resolve("users"), USER + ":{PLAIN}" + PASSWORD + "\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        boolean root0 = "root".equals(System.getProperty("user.name"));
        String conf = String.join("\n",
                "load_module " + DAV_EXT + ";",
                root0 ? "user root root;" : "",
                "worker_processes 1;",
                "daemon off;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + ";",
                "events { worker_connections 256; }",
                "http {",
                "  client_body_temp_path " + temp.resolve("body") + ";",
                "  proxy_temp_path " + temp.resolve("proxy") + ";",
                "  fastcgi_temp_path " + temp.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + temp.resolve("uwsgi") + ";",
                "  scgi_temp_path " + temp.resolve("scgi") + ";",
                "  access_log off;",
                "  client_max_body_size 0;",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    location /admin/ {",
                "      auth_basic \"blobstore\";",
                "      auth_basic_user_file " + dir.resolve("users") + ";",
                "      alias " + root + "/;",
                "      dav_methods PUT DELETE MKCOL COPY MOVE;",
                "      dav_ext_methods PROPFIND OPTIONS;",
                "      create_full_put_path on;",
                "      dav_access user:rw group:r;",
                "    }",
                "    location /read/ {",
                "      secure_link $arg_md5,$arg_expires;",
                "      secure_link_md5 \"$secure_link_expires$uri " + SECRET + "\";",
                "      if ($secure_link = \"\") { return 403; }",
                "      if ($secure_link = \"0\") { return 410; }",
                "      alias " + root + "/;",
                "    }",
                "  }",
                "}", "");
        Path confFile = dir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process process = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", confFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "nginx-stop"));
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        awaitListening(endpoint, process, dir);
        return new NginxDavServer(endpoint, root);
    }

    private static void awaitListening(URI endpoint, Process process, Path dir) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("it exited: " + Files.readString(dir.resolve("nginx.out"))
                        + read(dir.resolve("error.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for nginx");
                }
            }
        }
        process.destroy();
        throw new IllegalStateException("it did not listen within 20 s");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
