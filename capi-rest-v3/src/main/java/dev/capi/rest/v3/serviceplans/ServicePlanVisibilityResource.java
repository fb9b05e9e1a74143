package dev.capi.rest.v3.serviceplans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.serviceplans.ServicePlanVisibilities;
import dev.capi.model.ServicePlanVisibilityType;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v3/service_plans/:guid/visibility}: get, replace (PATCH), extend (POST) and remove one organization. Bad
 * bodies answer 400 as the reference's visibility messages do.
 */
@Path("/v3/service_plans/{guid}/visibility")
public final class ServicePlanVisibilityResource extends V3Resource {
    private final ServicePlanVisibilities visibilities;

    @Inject
    public ServicePlanVisibilityResource(ServicePlanVisibilities visibilities) {
        this.visibilities = visibilities;
    }

    @GET
    public Response get(@PathParam("guid") String guid) {
        return ok(present(visibilities.get(permissions(), guid)));
    }

    @PATCH
    public Response update(@PathParam("guid") String guid, String body) {
        var change = change(body);
        return ok(present(visibilities.update(permissions(), guid, change)));
    }

    @POST
    public Response apply(@PathParam("guid") String guid, String body) {
        var change = change(body);
        return ok(present(visibilities.apply(permissions(), guid, change)));
    }

    @DELETE
    @Path("/{organizationGuid}")
    public Response remove(@PathParam("guid") String guid, @PathParam("organizationGuid") String org) {
        visibilities.remove(permissions(), guid, org);
        return noContent();
    }

    private ObjectNode present(ServicePlanVisibilities.PlanVisibility v) {
        ObjectNode node = JsonSupport.object();
        node.put("type", v.type().wireName());
        if (v.space() != null) {
            node.putObject("space").put("guid", v.space().guid()).put("name", v.space().name());
        }
        if (v.organizations() != null) {
            var orgs = node.putArray("organizations");
            v.organizations().forEach(o -> orgs.addObject().put("guid", o.guid()).put("name", o.name()));
        }
        return node;
    }

    /** The reference's ServicePlanVisibilityUpdateMessage: every problem collected, answered 400. */
    static ServicePlanVisibilities.Change change(String raw) {
        ObjectNode json = JsonSupport.parseObject(raw);
        List<String> errors = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        json.fieldNames().forEachRemaining(k -> {
            if (!k.equals("type") && !k.equals("organizations")) {
                unknown.add("'" + k + "'");
            }
        });
        if (!unknown.isEmpty()) {
            errors.add("Unknown field(s): " + String.join(", ", unknown));
        }
        JsonNode typeNode = json.get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        ServicePlanVisibilityType parsed = switch (type == null ? "" : type) {
            case "public" -> ServicePlanVisibilityType.PUBLIC;
            case "admin" -> ServicePlanVisibilityType.ADMIN;
            case "organization" -> ServicePlanVisibilityType.ORGANIZATION;
            default -> null;
        };
        if (parsed == null) {
            errors.add("Type must be one of 'public', 'admin', 'organization'");
        }
        JsonNode orgs = json.get("organizations");
        List<String> guids = new ArrayList<>();
        if (parsed == ServicePlanVisibilityType.ORGANIZATION) {
            if (orgs == null || orgs.isNull() || orgs.isArray() && orgs.isEmpty()) {
                errors.add("Organizations can't be blank");
            } else if (!orgs.isArray()) {
                errors.add("Organizations must be an array");
            } else {
                boolean wellFormed = true;
                for (JsonNode o : orgs) {
                    if (o.isObject() && o.path("guid").isTextual()) {
                        guids.add(o.get("guid").asText());
                    } else {
                        wellFormed = false;
                    }
                }
                if (!wellFormed) {
                    errors.add("Organizations list must be structured like this: \"organizations\": "
                            + "[{\"guid\": \"valid-guid\"}]");
                }
            }
        } else if (parsed != null && orgs != null && !orgs.isNull()) {
            errors.add("Organizations must be blank");
        }
        if (!errors.isEmpty()) {
            throw CfException.of(CfError.BadRequest, String.join(", ", errors));
        }
        return new ServicePlanVisibilities.Change(parsed, guids);
    }
}
