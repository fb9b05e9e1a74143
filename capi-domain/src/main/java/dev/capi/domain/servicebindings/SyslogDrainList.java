package dev.capi.domain.servicebindings;

import dev.capi.domain.support.Transactions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /internal/v5/syslog_drain_urls}: one batch of drain URLs, each with its apps grouped by the TLS material
 * of their bindings ({@code cert}, {@code key}, {@code ca}), every app named by the reference's host name
 * ({@code org.space.app}, each part with blanks made dashes, other characters outside {@code [-a-zA-Z0-9]} dropped,
 * trailing dashes trimmed, at most 63 characters). {@code next_id} is offset plus batch size, null once a batch is
 * empty.
 */
public final class SyslogDrainList {
    private final SyslogDrains drains;
    private final Transactions tx;

    public SyslogDrainList(SyslogDrains drains, Transactions tx) {
        this.drains = drains;
        this.tx = tx;
    }

    /** One drain app as Loggregator wants it. */
    public record DrainApp(String hostname, String appId) {
    }

    /** Apps sharing the same TLS material for one URL. */
    public record DrainCredentials(String cert, String key, String ca, List<DrainApp> apps) {
    }

    public record DrainUrl(String url, List<DrainCredentials> credentials) {
    }

    public record Batch(List<DrainUrl> results, Integer nextId) {
    }

    public Batch batch(int nextId, int batchSize) {
        List<SyslogDrains.Drain> page = tx.inTransaction(() -> drains.batch(nextId, batchSize));
        List<DrainUrl> results = new ArrayList<>();
        for (SyslogDrains.Drain drain : page) {
            Map<List<String>, List<DrainApp>> byMaterial = new LinkedHashMap<>();
            for (SyslogDrains.DrainingApp app : drain.apps()) {
                byMaterial.computeIfAbsent(List.of(app.cert(), app.key(), app.ca()), k -> new ArrayList<>())
                        .add(new DrainApp(hostname(app.organizationName(), app.spaceName(), app.appName()),
                                app.appGuid()));
            }
            List<DrainCredentials> credentials = new ArrayList<>();
            byMaterial.forEach((m, apps) -> credentials.add(new DrainCredentials(m.get(0), m.get(1), m.get(2),
                    List.copyOf(apps))));
            results.add(new DrainUrl(drain.url(), credentials));
        }
        return new Batch(results, results.isEmpty() ? null : nextId + batchSize);
    }

    static String hostname(String... names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String part = name.replaceAll("\\s+", "-").replaceAll("[^-a-zA-Z0-9]+", "").replaceFirst("-+$", "");
            parts.add(part.length() > 63 ? part.substring(0, 63) : part);
        }
        return String.join(".", parts);
    }
}
