package dev.capi.rest.v3.manifests;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.manifests.ManifestSource;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.rest.v3.support.JsonSupport;

/** An app's manifest as the reference generates it (key order and units included). */
final class AppManifestPresenter {
    private AppManifestPresenter() {
    }

    /** {@code {applications: [app]}}. */
    static ObjectNode document(ManifestSource.Current current) {
        ObjectNode doc = JsonSupport.object();
        doc.putArray("applications").add(application(current));
        return doc;
    }

    static ObjectNode application(ManifestSource.Current current) {
        App app = current.app();
        ObjectNode node = JsonSupport.object();
        node.put("name", app.name());
        if (!app.environmentVariables().isEmpty()) {
            node.set("env", JsonSupport.MAPPER.valueToTree(app.environmentVariables()));
        }
        if (app.lifecycle() != null && "cnb".equals(app.lifecycle().type())) {
            node.put("lifecycle", "cnb");
        }
        if (app.lifecycle() != null && !app.lifecycle().isDocker()) {
            if (app.lifecycle().buildpacks() != null && !app.lifecycle().buildpacks().isEmpty()) {
                ArrayNode bps = node.putArray("buildpacks");
                app.lifecycle().buildpacks().forEach(bps::add);
            }
            node.put("stack", app.lifecycle().stack());
        }
        if (!current.routes().isEmpty()) {
            ArrayNode routes = node.putArray("routes");
            current.routes().forEach(r -> routes.addObject().put("route", r.uri()).put("protocol", r.protocol()));
        }
        var labels = app.metadata().labels();
        var annotations = app.metadata().annotations();
        if (!labels.isEmpty() || !annotations.isEmpty()) {
            ObjectNode metadata = node.putObject("metadata");
            if (!labels.isEmpty()) {
                metadata.set("labels", JsonSupport.MAPPER.valueToTree(labels));
            }
            if (!annotations.isEmpty()) {
                metadata.set("annotations", JsonSupport.MAPPER.valueToTree(annotations));
            }
        }
        if (!current.processes().isEmpty()) {
            ArrayNode processes = node.putArray("processes");
            current.processes().forEach(p -> processes.add(process(p)));
        }
        if (!current.sidecars().isEmpty()) {
            ArrayNode sidecars = node.putArray("sidecars");
            current.sidecars().forEach(s -> {
                ObjectNode sidecar = sidecars.addObject().put("name", s.name());
                ArrayNode types = sidecar.putArray("process_types");
                s.processTypes().forEach(types::add);
                sidecar.put("command", s.command());
                if (s.memoryInMb() != null) {
                    sidecar.put("memory", s.memoryInMb() + "M");
                }
            });
        }
        return node;
    }

    private static ObjectNode process(AppProcess p) {
        ObjectNode node = JsonSupport.object();
        node.put("type", p.type());
        node.put("instances", p.instances());
        node.put("memory", p.memoryInMb() + "M");
        node.put("disk_quota", p.diskInMb() + "M");
        if (p.logRateLimit() == -1) {
            node.put("log-rate-limit-per-second", -1);
        } else {
            node.put("log-rate-limit-per-second", humanBytes(p.logRateLimit()));
        }
        if (p.command() != null && !p.command().isEmpty()) {
            node.put("command", p.command());
        }
        if (p.user() != null) {
            node.put("user", p.user());
        }
        node.put("health-check-type", p.healthCheck().type());
        if (p.healthCheck().invocationTimeout() != null) {
            node.put("health-check-invocation-timeout", p.healthCheck().invocationTimeout());
        }
        if (p.healthCheck().endpoint() != null) {
            node.put("health-check-http-endpoint", p.healthCheck().endpoint());
        }
        if (p.healthCheck().timeout() != null) {
            node.put("timeout", p.healthCheck().timeout());
        }
        return node;
    }

    /** The reference's human-readable bytes: the largest unit that divides evenly (1048576 -> "1M"). */
    static String humanBytes(long bytes) {
        String[] units = {"T", "G", "M", "K"};
        long[] sizes = {1L << 40, 1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= sizes[i] && bytes % sizes[i] == 0) {
                return (bytes / sizes[i]) + units[i];
            }
        }
        return bytes + "B";
    }
}
