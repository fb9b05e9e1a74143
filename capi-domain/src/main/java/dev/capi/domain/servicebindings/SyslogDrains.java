package dev.capi.domain.servicebindings;

import java.util.List;

/**
 * Port: the syslog drains of app bindings for Loggregator ({@code /internal/v5/syslog_drain_urls}): distinct drain
 * URLs in order, a batch of {@code batchSize} starting at {@code offset}, each with the apps draining to it.
 */
public interface SyslogDrains {
    /**
     * One app draining to a URL: its guid, its {@code org.space.app} host name parts, and the TLS material of its
     * binding's credentials ({@code cert}, {@code key}, {@code ca}; empty when absent).
     */
    record DrainingApp(String appGuid, String organizationName, String spaceName, String appName, String cert,
                       String key, String ca) {
    }

    /** One drain URL and its apps. */
    record Drain(String url, List<DrainingApp> apps) {
    }

    List<Drain> batch(int offset, int batchSize);
}
