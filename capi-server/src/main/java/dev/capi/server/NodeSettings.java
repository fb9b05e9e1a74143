package dev.capi.server;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How this node takes part in running jobs and periodic work with the other nodes on its database: its name (shown as
 * the holder of what it runs), how often it looks for due work, how often it renews the heartbeat of what it runs, and
 * after how many missed heartbeats another node takes that work over. A dead node's work is taken over after
 * {@code heartbeat × missedHeartbeats} plus up to two heartbeats (the default: within 30 seconds).
 */
public record NodeSettings(String name, Duration pollInterval, Duration heartbeat, int missedHeartbeats,
                           int jobThreads) {
    public NodeSettings {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 50) {
            throw new IllegalArgumentException("a node name is 1 to 50 characters: " + name);
        }
        positive("pollInterval", pollInterval);
        positive("heartbeat", heartbeat);
        if (missedHeartbeats < 4) {
            throw new IllegalArgumentException("missedHeartbeats must be at least 4 (db-scheduler's least): "
                    + missedHeartbeats);
        }
        if (jobThreads < 1) {
            throw new IllegalArgumentException("jobThreads must be at least 1: " + jobThreads);
        }
    }

    /**
     * A generated name, a half-second poll, a 5-second heartbeat, dead after 4 missed ones, and one thread: a node runs
     * its jobs and periodic work one at a time, as the worker before it did (some job chains, such as a deployment's
     * updates, rely on not running beside each other on one node).
     */
    public static NodeSettings defaults() {
        return new NodeSettings("node-" + UUID.randomUUID().toString().substring(0, 13), Duration.ofMillis(500),
                Duration.ofSeconds(5), 4, 1);
    }

    public NodeSettings withName(String nodeName) {
        return new NodeSettings(nodeName, pollInterval, heartbeat, missedHeartbeats, jobThreads);
    }

    public NodeSettings withPollInterval(Duration every) {
        return new NodeSettings(name, every, heartbeat, missedHeartbeats, jobThreads);
    }

    public NodeSettings withHeartbeat(Duration every, int missedBeforeDead) {
        return new NodeSettings(name, pollInterval, every, missedBeforeDead, jobThreads);
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration: " + d);
        }
    }
}
