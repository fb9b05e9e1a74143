package dev.capi.server.runtime.local;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;

/** One probe of an instance as the reference's health check types do: port (TCP connect), http (200), process. */
final class HealthCheck {
    private HealthCheck() {
    }

    static boolean passes(String type, String endpoint, int port, Process process) {
        if (!process.isAlive()) {
            return false;
        }
        if ("process".equals(type) || "none".equals(type)) {
            return true;
        }
        if ("http".equals(type)) {
            return http(port, endpoint == null || endpoint.isBlank() ? "/" : endpoint);
        }
        return port(port);
    }

    private static boolean port(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean http(int port, String endpoint) {
        try {
            var connection = (HttpURLConnection) new URL("http", "127.0.0.1", port,
                    endpoint.startsWith("/") ? endpoint : "/" + endpoint).openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(1000);
            connection.setInstanceFollowRedirects(false);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
