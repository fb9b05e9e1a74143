package dev.capi.rest.v3.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.deployments.DeploymentFilter;
import dev.capi.domain.deployments.Deployments;
import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListSpec;

import java.util.ArrayList;
import java.util.List;

/** Parses and validates deployment requests (list parameters and bodies) with the reference's texts. */
final class DeploymentMessages {
    /** {@code GET /v3/deployments}. */
    static final ListSpec LIST = ListSpec.of(DeploymentFilter.LIST).labelSelector();

    private DeploymentMessages() {
    }

    /**
     * {@code POST /v3/deployments}: the app (required), a droplet or a revision (not both), the strategy (rolling or
     * canary), {@code options.max_in_flight} (1 by default), {@code options.canary.steps} and metadata.
     */
    static Deployments.Create create(String raw) {
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
        List<Integer> steps = options == null ? null : canarySteps(body, options, strategy);
        var metadata = body.metadata();
        body.validate();
        return new Deployments.Create(app, droplet == null ? null : droplet.path("guid").asText(null),
                revision == null ? null : revision.path("guid").asText(null), strategy, maxInFlight, metadata, steps);
    }

    /** {@code PATCH /v3/deployments/:guid}: {@code metadata} only. */
    static MetadataUpdate update(String raw) {
        Body body = Body.parse(raw, "metadata");
        var metadata = body.metadata();
        body.validate();
        return metadata;
    }

    /** {@code options.canary.steps}: ascending {@code instance_weight}s from 1 to 100, canary deployments only. */
    private static List<Integer> canarySteps(Body body, JsonNode options, String strategy) {
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
        List<Integer> weights = new ArrayList<>();
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
}
