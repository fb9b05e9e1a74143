package dev.capi.server.runtime.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the local runtime runs: its working directory (staging, droplets, instances, tasks), the router's address
 * ({@code routerPort} 0: any free port), how long a stopping instance gets before it is killed, the log lines kept per
 * app and the staging timeout.
 */
public record LocalRuntimeSettings(Path root, String routerBind, int routerPort, Duration stopTimeout,
                                   int logLinesPerApp, Duration stagingTimeout) {
    public LocalRuntimeSettings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(routerBind, "routerBind");
        if (routerPort < 0 || routerPort > 65535) {
            throw new IllegalArgumentException("router port out of range: " + routerPort);
        }
    }

    /** The defaults under {@code root}: router on 127.0.0.1:9080, 10 s to stop, 1000 log lines, 15 min staging. */
    public static LocalRuntimeSettings under(Path root) {
        return new LocalRuntimeSettings(root, "127.0.0.1", 9080, Duration.ofSeconds(10), 1000,
                Duration.ofMinutes(15));
    }

    public LocalRuntimeSettings withRouter(String bind, int port) {
        return new LocalRuntimeSettings(root, bind, port, stopTimeout, logLinesPerApp, stagingTimeout);
    }

    public LocalRuntimeSettings withStopTimeout(Duration timeout) {
        return new LocalRuntimeSettings(root, routerBind, routerPort, timeout, logLinesPerApp, stagingTimeout);
    }
}
