package dev.capi.rest.v3.processes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.model.AppProcess;
import dev.capi.model.AppProcess.HealthCheck;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

import java.util.List;

/** Process JSON, as the reference presents it (same keys, same order); the command redacted unless shown. */
public final class ProcessPresenter {
    public static final String HIDDEN = "[PRIVATE DATA HIDDEN]";
    public static final String HIDDEN_IN_LISTS = "[PRIVATE DATA HIDDEN IN LISTS]";

    private ProcessPresenter() {
    }

    /**
     * {@code command} is {@code shownCommand} when given (the hidden marker, or the droplet's detected command),
     * else the process's own;
     * {@code instances} adds {@code process_instances} (embed) when not null; {@code docker} decides the default user.
     */
    public static ObjectNode present(AppProcess p, Links links, String shownCommand, List<InstanceReport> instances,
                                     boolean docker) {
        ObjectNode node = JsonSupport.resource(p.guid(), p.createdAt(), p.updatedAt());
        node.put("version", p.version());
        node.put("type", p.type());
        node.put("command", shownCommand != null ? shownCommand : p.command() == null ? "" : p.command());
        node.put("user", p.user() != null ? p.user() : docker ? "root" : "vcap");
        node.put("instances", p.instances());
        node.put("memory_in_mb", p.memoryInMb());
        node.put("disk_in_mb", p.diskInMb());
        node.put("log_rate_limit_in_bytes_per_second", p.logRateLimit());
        ObjectNode health = node.putObject("health_check");
        health.put("type", p.healthCheck().type());
        ObjectNode hd = health.putObject("data");
        putInt(hd, "timeout", p.healthCheck().timeout());
        putInt(hd, "invocation_timeout", p.healthCheck().invocationTimeout());
        putInt(hd, "interval", p.healthCheck().interval());
        if (HealthCheck.HTTP.equals(p.healthCheck().type())) {
            hd.put("endpoint", p.healthCheck().endpoint());
        }
        ObjectNode readiness = node.putObject("readiness_health_check");
        readiness.put("type", p.readinessCheck().type());
        ObjectNode rd = readiness.putObject("data");
        putInt(rd, "invocation_timeout", p.readinessCheck().invocationTimeout());
        putInt(rd, "interval", p.readinessCheck().interval());
        if (HealthCheck.HTTP.equals(p.readinessCheck().type())) {
            rd.put("endpoint", p.readinessCheck().endpoint());
        }
        if (instances != null) {
            node.set("process_instances", instances(instances));
        }
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("app", MetadataPresenter.relationship(p.appGuid()));
        if (p.revisionGuid() == null) {
            relationships.putNull("revision");
        } else {
            relationships.set("revision", MetadataPresenter.relationship(p.revisionGuid()));
        }
        node.set("metadata", MetadataPresenter.present(p.metadata()));
        ObjectNode l = node.putObject("links");
        String self = "/v3/processes/" + p.guid();
        l.set("self", links.href(self));
        l.set("scale", links.action(self + "/actions/scale", "POST"));
        l.set("app", links.href("/v3/apps/" + p.appGuid()));
        l.set("space", links.href("/v3/spaces/" + p.spaceGuid()));
        l.set("stats", links.href(self + "/stats"));
        l.set("process_instances", links.href(self + "/process_instances"));
        return node;
    }

    /** {@code [{index, state, since}]}, since in seconds since the epoch (null for DOWN instances). */
    public static ArrayNode instances(List<InstanceReport> instances) {
        ArrayNode array = JsonSupport.MAPPER.createArrayNode();
        for (InstanceReport r : instances) {
            ObjectNode i = array.addObject();
            i.put("index", r.index());
            i.put("state", r.state().name());
            if (r.since() == null) {
                i.putNull("since");
            } else {
                i.put("since", r.since().getEpochSecond());
            }
        }
        return array;
    }

    private static void putInt(ObjectNode node, String key, Integer value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
