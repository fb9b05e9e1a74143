package dev.capi.rest.v3.usage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.AppUsageEvent;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.usage.AppUsageEventQueries;
import jakarta.inject.Inject;

/** {@code /v3/app_usage_events}: list (after_guid for consumers), get, and the admin's purge-and-reseed. */
@Path("/v3/app_usage_events")
public final class AppUsageEventsResource extends V3Resource {
    private final AppUsageEventQueries appUsageEventQueries;

    @Inject
    public AppUsageEventsResource(AppUsageEventQueries appUsageEventQueries) {
        this.appUsageEventQueries = appUsageEventQueries;
    }

    static final ListSpec LIST = ListSpec.of("after_guid").onlyOrderBy("created_at").withoutUpdatedAts()
            .unprocessableOnError();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        AfterGuid.requireAtMostOne(params);
        var page = appUsageEventQueries.list(permissions(), params.query());
        var resources = page.resources().stream().map(this::present).toList();
        return ok(Pagination.document(page, resources, params, "/v3/app_usage_events", links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(appUsageEventQueries.get(permissions(), guid)));
    }

    @POST
    @Path("/actions/destructively_purge_all_and_reseed")
    public Response purge() {
        appUsageEventQueries.purgeAndReseed(permissions());
        return ok(JsonSupport.object());
    }

    private ObjectNode present(AppUsageEvent e) {
        ObjectNode node = JsonSupport.resource(e.guid(), e.createdAt(), e.createdAt());
        ObjectNode state = node.putObject("state");
        state.put("current", e.state());
        state.put("previous", e.previousState());
        node.putObject("app").put("guid", e.appGuid()).put("name", e.appName());
        node.putObject("process").put("guid", e.processGuid()).put("type", e.processType());
        node.putObject("space").put("guid", e.spaceGuid()).put("name", e.spaceName());
        node.putObject("organization").put("guid", e.organizationGuid());
        node.putObject("buildpack").put("guid", e.buildpackGuid()).put("name", e.buildpackName());
        node.putObject("task").put("guid", e.taskGuid()).put("name", e.taskName());
        ObjectNode memory = node.putObject("memory_in_mb_per_instance");
        memory.put("current", e.memoryInMbPerInstance());
        memory.put("previous", e.previousMemoryInMbPerInstance());
        ObjectNode instances = node.putObject("instance_count");
        instances.put("current", e.instanceCount());
        instances.put("previous", e.previousInstanceCount());
        node.putObject("links").set("self", links.href("/v3/app_usage_events/" + e.guid()));
        return node;
    }
}
