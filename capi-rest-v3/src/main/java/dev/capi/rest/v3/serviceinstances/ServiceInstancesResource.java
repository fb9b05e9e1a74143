package dev.capi.rest.v3.serviceinstances;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.serviceinstances.ManagedInstances;
import dev.capi.domain.serviceinstances.OfferedPlans;
import dev.capi.domain.serviceinstances.ServiceInstanceBackups;
import dev.capi.domain.serviceinstances.ServiceInstanceFilter;
import dev.capi.domain.serviceinstances.ServiceInstanceSharing;
import dev.capi.domain.serviceinstances.ServiceInstances;
import dev.capi.domain.serviceinstances.UserProvidedInstances;
import dev.capi.model.ServiceInstance;
import dev.capi.model.Space;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.RelationshipDocuments;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * {@code /v3/service_instances}: list, create (user-provided at once, managed through a job), get, update, delete
 * (and purge), credentials, parameters, permissions, and sharing (shared spaces and their usage summary).
 */
@Path("/v3/service_instances")
public final class ServiceInstancesResource extends V3Resource {
    static final ListSpec LIST = ListSpec.of(ServiceInstanceFilter.LIST).orderBy("name").labelSelector()
            .extraKeys("fields[");

    private final ServiceInstances instances;
    private final UserProvidedInstances userProvided;
    private final ManagedInstances managed;
    private final ServiceInstanceSharing sharing;
    private final ServiceInstanceBackups backups;

    @Inject
    public ServiceInstancesResource(ServiceInstances instances, UserProvidedInstances userProvided,
                                    ManagedInstances managed, ServiceInstanceSharing sharing,
                                    ServiceInstanceBackups backups) {
        this.backups = backups;
        this.instances = instances;
        this.userProvided = userProvided;
        this.managed = managed;
        this.sharing = sharing;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var type = params.query().filter(ServiceInstanceFilter.TYPE.key());
        if (type != null && (type.size() != 1
                || !List.of(ServiceInstance.MANAGED, ServiceInstance.USER_PROVIDED).contains(type.get(0)))) {
            throw CfException.badQuery("Type must be one of 'managed', 'user-provided'");
        }
        var fields = ServiceInstanceFields.parse(uri.getQueryParameters(), ServiceInstanceFields.INSTANCE);
        var page = instances.list(permissions(), params.query());
        var plans = instances.plansOf(page.resources());
        var resources = page.resources().stream()
                .map(si -> ServiceInstancePresenter.present(si, plans.get(si.servicePlanGuid()), links)).toList();
        ObjectNode doc = Pagination.document(page, resources, params, "/v3/service_instances", links);
        if (!fields.isEmpty()) {
            doc.set("included", fields.included(instances, page.resources(), plans, links));
        }
        return ok(doc);
    }

    @POST
    public Response create(String body) {
        var message = ServiceInstanceMessages.create(body);
        if (message instanceof ServiceInstanceMessages.CreateUserProvided upsi) {
            return created(ServiceInstancePresenter.present(userProvided.create(permissions(), upsi.command()), null,
                    links));
        }
        var cmd = ((ServiceInstanceMessages.CreateManaged) message).command();
        return accepted(managed.create(permissions(), cmd));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        var fields = ServiceInstanceFields.parse(uri.getQueryParameters(), ServiceInstanceFields.INSTANCE);
        ServiceInstance si = instances.get(permissions(), guid);
        Map<String, OfferedPlans.OfferedPlan> plans = instances.plansOf(List.of(si));
        ObjectNode node = ServiceInstancePresenter.present(si, plans.get(si.servicePlanGuid()), links);
        if (!fields.isEmpty()) {
            node.set("included", fields.included(instances, List.of(si), plans, links));
        }
        return ok(node);
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var command = ServiceInstanceMessages.update(body);
        var updated = instances.update(permissions(), guid, command);
        if (updated.job() != null) {
            return accepted(updated.job());
        }
        var plans = instances.plansOf(List.of(updated.instance()));
        return ok(ServiceInstancePresenter.present(updated.instance(),
                plans.get(updated.instance().servicePlanGuid()), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        String purge = uri.getQueryParameters().getFirst("purge");
        if ("true".equals(purge)) {
            instances.purge(permissions(), guid);
            return noContent();
        }
        return instances.delete(permissions(), guid).map(this::accepted).orElseGet(V3Resource::noContent);
    }

    @GET
    @Path("/{guid}/credentials")
    public Response credentials(@PathParam("guid") String guid) {
        return ok(JsonSupport.MAPPER.valueToTree(instances.credentials(permissions(), guid)));
    }

    @GET
    @Path("/{guid}/parameters")
    public Response parameters(@PathParam("guid") String guid) {
        return ok(JsonSupport.MAPPER.valueToTree(instances.parameters(permissions(), guid)));
    }

    @GET
    @Path("/{guid}/permissions")
    public Response permissionsOf(@PathParam("guid") String guid) {
        return ok(JsonSupport.MAPPER.valueToTree(instances.permissions(permissions(), guid)));
    }

    @GET
    @Path("/{guid}/relationships/shared_spaces")
    public Response sharedSpaces(@PathParam("guid") String guid) {
        var fields = ServiceInstanceFields.parse(uri.getQueryParameters(), ServiceInstanceFields.SHARED_SPACES);
        List<Space> spaces = instances.sharedSpaces(permissions(), guid);
        ObjectNode doc = sharedSpacesDocument(guid, spaces);
        if (!fields.isEmpty()) {
            doc.set("included", fields.includedSpaces(instances, spaces));
        }
        return ok(doc);
    }

    @POST
    @Path("/{guid}/relationships/shared_spaces")
    public Response share(@PathParam("guid") String guid, String body) {
        var spaceGuids = ServiceInstanceMessages.shareSpaces(body);
        return ok(sharedSpacesDocument(guid, sharing.share(permissions(), guid, spaceGuids)));
    }

    @DELETE
    @Path("/{guid}/relationships/shared_spaces/{space_guid}")
    public Response unshare(@PathParam("guid") String guid, @PathParam("space_guid") String spaceGuid) {
        sharing.unshare(permissions(), guid, spaceGuid);
        return noContent();
    }

    @GET
    @Path("/{guid}/relationships/shared_spaces/usage_summary")
    public Response usageSummary(@PathParam("guid") String guid) {
        Map<String, Long> counts = instances.usageSummary(permissions(), guid);
        ObjectNode doc = JsonSupport.object();
        var summary = doc.putArray("usage_summary");
        counts.forEach((space, count) -> {
            ObjectNode entry = summary.addObject();
            entry.putObject("space").put("guid", space);
            entry.put("bound_app_count", count);
        });
        ObjectNode l = doc.putObject("links");
        String self = "/v3/service_instances/" + guid;
        l.set("self", links.href(self + "/relationships/shared_spaces/usage_summary"));
        l.set("shared_spaces", links.href(self + "/relationships/shared_spaces"));
        l.set("service_instance", links.href(self));
        return ok(doc);
    }

    @GET
    @Path("/{guid}/backups")
    public Response listBackups(@PathParam("guid") String guid) {
        throw backups.listRefusal(permissions(), guid);
    }

    @POST
    @Path("/{guid}/backups")
    public Response createBackup(@PathParam("guid") String guid) {
        throw backups.changeRefusal(permissions(), guid);
    }

    @POST
    @Path("/{guid}/actions/restore")
    public Response restore(@PathParam("guid") String guid) {
        throw backups.changeRefusal(permissions(), guid);
    }

    private ObjectNode sharedSpacesDocument(String guid, List<Space> spaces) {
        return RelationshipDocuments.toMany(links, "service_instances/" + guid, "shared_spaces",
                spaces.stream().map(Space::guid).toList(), false);
    }
}
