package dev.capi.rest.internal.staging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.builds.StagingResult;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.capi.domain.builds.Builds;

/**
 * The stager's report that staging ended ({@code /internal/v3/staging/:guid/build_completed}, and the legacy
 * {@code droplet_completed}): Diego's TaskCallbackResponse ({@code failed}, {@code failure_reason}, {@code result} as
 * a JSON string), or the legacy {@code {error: {id, message}}} / {@code {result: {...}}}; 200 {@code {}}.
 */
@Path("/internal/v3/staging")
public final class StagingCompletionResource {
    private final Builds builds;

    @Inject
    public StagingCompletionResource(Builds builds) {
        this.builds = builds;
    }


    @POST
    @Path("/{guid}/{kind: build_completed|droplet_completed}")
    public Response completed(@PathParam("guid") String guid, @jakarta.ws.rs.QueryParam("start") String start,
                              String raw) {
        JsonNode body = InternalJson.parseObject(raw);
        builds.completed(guid, result(body), "true".equals(start));
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    }

    static StagingResult result(JsonNode body) {
        if (body.has("failed")) {
            if (body.path("failed").asBoolean()) {
                return StagingResult.failure(body.path("failure_reason").asText(""));
            }
            JsonNode result = body.get("result");
            if (result != null && result.isTextual()) {
                try {
                    result = InternalJson.MAPPER.readTree(result.asText());
                } catch (Exception e) {
                    throw CfException.of(CfError.InvalidRequest);
                }
            }
            return success(result);
        }
        if (body.has("error")) {
            return StagingResult.failure(body.path("error").path("message").asText(""));
        }
        return success(body.get("result"));
    }

    private static StagingResult success(JsonNode result) {
        if (result == null || !result.isObject()) {
            throw CfException.of(CfError.InvalidRequest);
        }
        Map<String, String> types = new LinkedHashMap<>();
        result.path("process_types").fields().forEachRemaining(f -> types.put(f.getKey(), f.getValue().asText()));
        JsonNode lifecycle = result.path("lifecycle_metadata");
        List<String> buildpacks = new ArrayList<>();
        for (JsonNode b : lifecycle.path("buildpacks")) {
            buildpacks.add(b.path("name").asText(b.path("key").asText()));
        }
        if (buildpacks.isEmpty() && lifecycle.path("detected_buildpack").isTextual()) {
            buildpacks.add(lifecycle.get("detected_buildpack").asText());
        }
        String image = lifecycle.path("docker_image").isTextual() ? lifecycle.get("docker_image").asText() : null;
        return new StagingResult(false, null, result.path("lifecycle_type").asText(null), types,
                result.path("execution_metadata").asText(""), buildpacks, image);
    }
}
