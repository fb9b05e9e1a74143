package dev.capi.rest.v3.quotas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.quotas.QuotaUsage;
import dev.capi.model.OrganizationQuota;
import dev.capi.model.QuotaLimits;
import dev.capi.model.SpaceQuota;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;

import java.util.List;

/** Organization quota, space quota, relationship and usage summary JSON, as the reference presents them. */
public final class QuotaPresenter {
    private QuotaPresenter() {
    }

    public static ObjectNode organizationQuota(OrganizationQuota q, Links links) {
        ObjectNode node = head(q.guid(), q.createdAt(), q.updatedAt(), q.name());
        limits(node, q.limits());
        node.putObject("domains").set("total_domains", limit(q.limits().totalPrivateDomains()));
        guids(node.putObject("relationships").putObject("organizations").putArray("data"), q.organizationGuids());
        node.putObject("links").set("self", links.href("/v3/organization_quotas/" + q.guid()));
        return node;
    }

    public static ObjectNode spaceQuota(SpaceQuota q, Links links) {
        ObjectNode node = head(q.guid(), q.createdAt(), q.updatedAt(), q.name());
        limits(node, q.limits());
        ObjectNode rels = node.putObject("relationships");
        rels.putObject("organization").putObject("data").put("guid", q.organizationGuid());
        guids(rels.putObject("spaces").putArray("data"), q.spaceGuids());
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/space_quotas/" + q.guid()));
        l.set("organization", links.href("/v3/organizations/" + q.organizationGuid()));
        return node;
    }

    /** The answer of the apply endpoints: every guid the quota now applies to, and the relationship's link. */
    public static ObjectNode toMany(String relationPath, List<String> guids, Links links) {
        ObjectNode node = JsonSupport.object();
        guids(node.putArray("data"), guids);
        node.putObject("links").set("self", links.href(relationPath));
        return node;
    }

    /** {@code GET /v3/organizations/:guid/usage_summary}: memory counts started instances and all live tasks. */
    public static ObjectNode organizationUsage(String orgGuid, QuotaUsage u, Links links) {
        ObjectNode node = JsonSupport.object();
        usage(node, u, u.quotaMemoryInMb());
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/organizations/" + orgGuid + "/usage_summary"));
        l.set("organization", links.href("/v3/organizations/" + orgGuid));
        return node;
    }

    /** {@code GET /v3/spaces/:guid/usage_summary}: as the organization's, linked to the space. */
    public static ObjectNode spaceUsage(String spaceGuid, QuotaUsage u, Links links) {
        ObjectNode node = JsonSupport.object();
        usage(node, u, u.quotaMemoryInMb());
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/spaces/" + spaceGuid + "/usage_summary"));
        l.set("space", links.href("/v3/spaces/" + spaceGuid));
        return node;
    }

    /** {@code GET /v3/info/usage_summary}: memory counts started instances and running tasks. */
    public static ObjectNode platformUsage(QuotaUsage u, Links links) {
        ObjectNode node = JsonSupport.object();
        usage(node, u, u.memoryInMb());
        node.putObject("links").set("self", links.href("/v3/info/usage_summary"));
        return node;
    }

    private static void usage(ObjectNode node, QuotaUsage u, long memory) {
        ObjectNode s = node.putObject("usage_summary");
        s.put("started_instances", u.startedInstances());
        s.put("memory_in_mb", memory);
        s.put("routes", u.routes());
        s.put("service_instances", u.serviceInstances());
        s.put("reserved_ports", u.reservedPorts());
        s.put("domains", u.privateDomains());
        s.put("per_app_tasks", u.appTasks());
        s.put("service_keys", u.serviceKeys());
    }

    private static ObjectNode head(String guid, java.time.Instant created, java.time.Instant updated, String name) {
        ObjectNode node = JsonSupport.resource(guid, created, updated);
        node.put("name", name);
        return node;
    }

    private static void limits(ObjectNode node, QuotaLimits l) {
        ObjectNode apps = node.putObject("apps");
        apps.set("total_memory_in_mb", limit(l.totalMemoryInMb()));
        apps.set("per_process_memory_in_mb", limit(l.perProcessMemoryInMb()));
        apps.set("total_instances", limit(l.totalInstances()));
        apps.set("per_app_tasks", limit(l.perAppTasks()));
        apps.set("log_rate_limit_in_bytes_per_second", limit(l.logRateLimitInBytesPerSecond()));
        ObjectNode services = node.putObject("services");
        services.put("paid_services_allowed", l.paidServicesAllowed());
        services.set("total_service_instances", limit(l.totalServiceInstances()));
        services.set("total_service_keys", limit(l.totalServiceKeys()));
        ObjectNode routes = node.putObject("routes");
        routes.set("total_routes", limit(l.totalRoutes()));
        routes.set("total_reserved_ports", limit(l.totalReservedPorts()));
    }

    /** -1 (unlimited) is null on the wire. */
    private static com.fasterxml.jackson.databind.JsonNode limit(long value) {
        return QuotaLimits.isUnlimited(value) ? JsonSupport.MAPPER.nullNode()
                : JsonSupport.MAPPER.getNodeFactory().numberNode(value);
    }

    private static void guids(ArrayNode array, List<String> guids) {
        guids.forEach(g -> array.addObject().put("guid", g));
    }
}
