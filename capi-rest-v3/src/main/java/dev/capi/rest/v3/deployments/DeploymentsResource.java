package dev.capi.rest.v3.deployments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.deployments.Deployments;
import dev.capi.model.Deployment;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.MetadataPresenter;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.inject.Inject;

/** {@code /v3/deployments}: create, list, get, update, cancel and continue. */
@Path("/v3/deployments")
public final class DeploymentsResource extends V3Resource {
    private final Deployments deployments;

    @Inject
    public DeploymentsResource(Deployments deployments) {
        this.deployments = deployments;
    }

    static final ListSpec LIST = ListSpec.of("guids", "app_guids", "states", "status_values", "status_reasons")
            .labelSelector();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = deployments.list(permissions(), params.query());
        return ok(Pagination.document(page, page.resources().stream().map(this::present).toList(), params,
                "/v3/deployments", links));
    }

    @POST
    public Response create(String raw) {
        Body body = Body.parse(raw, "relationships", "droplet", "revision", "strategy", "options", "metadata");
        String app = body.relationshipGuid("app", true);
        var droplet = body.object("droplet");
        var revision = body.object("revision");
        if (droplet != null && revision != null) {
            body.error("Cannot set both fields 'droplet' and 'revision'");
        }
        String strategy = body.string("strategy", false, 16);
        if (strategy != null && !strategy.equals("rolling") && !strategy.equals("canary")) {
            body.error("Strategy '" + strategy + "' is not a supported deployment strategy");
        }
        int maxInFlight = 1;
        var options = body.object("options");
        if (options != null && options.has("max_in_flight")) {
            var m = options.get("max_in_flight");
            if (!m.isIntegralNumber() || m.asInt() < 1) {
                body.error("Max in flight must be an integer greater than 0");
            } else {
                maxInFlight = m.asInt();
            }
        }
        java.util.List<Integer> steps = options == null ? null : canarySteps(body, options, strategy);
        var metadata = body.metadata();
        body.validate();
        var created = deployments.create(permissions(), new Deployments.Create(app,
                droplet == null ? null : droplet.path("guid").asText(null),
                revision == null ? null : revision.path("guid").asText(null), strategy, maxInFlight, metadata,
                steps));
        return created(present(created));
    }

    /** {@code options.canary.steps}: ascending {@code instance_weight}s from 1 to 100, canary deployments only. */
    private static java.util.List<Integer> canarySteps(Body body, com.fasterxml.jackson.databind.JsonNode options,
                                                       String strategy) {
        var canary = options.get("canary");
        if (canary == null || canary.isNull()) {
            return null;
        }
        if (!canary.isObject()) {
            body.error("Options canary must be an object");
            return null;
        }
        if (!"canary".equals(strategy)) {
            body.error("Options canary are only valid for Canary deployments");
            return null;
        }
        var steps = canary.get("steps");
        if (steps == null) {
            return null;
        }
        java.util.List<Integer> weights = new java.util.ArrayList<>();
        if (!steps.isArray()) {
            body.error("Options canary steps must be an array of objects");
            return null;
        }
        for (var step : steps) {
            if (!step.isObject()) {
                body.error("Options canary steps must be an array of objects");
                return null;
            }
            var weight = step.get("instance_weight");
            if (weight == null) {
                body.error("Options canary steps missing key: \"instance_weight\"");
                return null;
            }
            if (!weight.isInt() || weight.asInt() < 1 || weight.asInt() > 100) {
                body.error("Options canary steps instance weight must be an Integer between 1-100 (inclusive)");
                return null;
            }
            weights.add(weight.asInt());
        }
        if (!weights.stream().sorted().toList().equals(weights)) {
            body.error("Options canary steps instance weight must be sorted in ascending order");
        }
        return weights;
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(deployments.get(permissions(), guid)));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        Body body = Body.parse(raw, "metadata");
        var metadata = body.metadata();
        body.validate();
        return ok(present(deployments.update(permissions(), guid, metadata)));
    }

    @POST
    @Path("/{guid}/actions/cancel")
    public Response cancel(@PathParam("guid") String guid) {
        deployments.cancel(permissions(), guid);
        return Response.ok().build();
    }

    @POST
    @Path("/{guid}/actions/continue")
    public Response proceed(@PathParam("guid") String guid) {
        deployments.proceed(permissions(), guid);
        return Response.ok().build();
    }

    ObjectNode present(Deployment d) {
        ObjectNode node = JsonSupport.resource(d.guid(), d.createdAt(), d.updatedAt());
        node.put("state", d.state());
        ObjectNode status = node.putObject("status");
        status.put("value", d.statusValue());
        status.put("reason", d.statusReason());
        ObjectNode details = status.putObject("details");
        details.put("last_successful_healthcheck", JsonSupport.timestamp(d.lastHealthyAt() != null
                ? d.lastHealthyAt() : d.createdAt()));
        details.put("last_status_change", JsonSupport.timestamp(d.lastStatusChange()));
        if ("canary".equals(d.strategy())) {
            status.putObject("canary").putObject("steps").put("current", d.canaryCurrentStep())
                    .put("total", Math.max(1, d.canarySteps().size()));
        }
        node.put("strategy", d.strategy());
        ObjectNode options = node.putObject("options");
        options.put("max_in_flight", d.maxInFlight());
        if ("canary".equals(d.strategy()) && !d.canarySteps().isEmpty()) {
            var steps = options.putObject("canary").putArray("steps");
            d.canarySteps().forEach(w -> steps.addObject().put("instance_weight", w));
        }
        node.putObject("droplet").put("guid", d.dropletGuid());
        node.putObject("previous_droplet").put("guid", d.previousDropletGuid());
        node.putArray("new_processes").addObject().put("guid", d.newProcessGuid()).put("type", "web");
        if (d.revisionGuid() == null) {
            node.putNull("revision");
        } else {
            node.putObject("revision").put("guid", d.revisionGuid()).put("version", d.revisionVersion());
        }
        node.putObject("relationships").putObject("app").putObject("data").put("guid", d.appGuid());
        node.set("metadata", MetadataPresenter.present(d.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/deployments/" + d.guid()));
        l.set("app", links.href("/v3/apps/" + d.appGuid()));
        l.set("cancel", links.action("/v3/deployments/" + d.guid() + "/actions/cancel", "POST"));
        if ("canary".equals(d.strategy())) {
            l.set("continue", links.action("/v3/deployments/" + d.guid() + "/actions/continue", "POST"));
        }
        return node;
    }
}
