package dev.capi.rest.v3.builds;

import dev.capi.domain.builds.BuildFilter;
import dev.capi.domain.builds.Builds;
import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListSpec;

import java.util.ArrayList;
import java.util.List;

/** Parses and validates build requests (list parameters and bodies) with the reference's texts. */
final class BuildMessages {
    /** {@code GET /v3/builds}. */
    static final ListSpec LIST = ListSpec.of(BuildFilter.LIST).labelSelector();
    /** {@code GET /v3/apps/:guid/builds}. */
    static final ListSpec APP_LIST = ListSpec.of(BuildFilter.APP_LIST).labelSelector();

    private BuildMessages() {
    }

    /** {@code PATCH /v3/builds/:guid}: metadata, and the stager-style state report. */
    record Update(MetadataUpdate metadata, String state, String error) {
    }

    /** {@code POST /v3/builds}: {@code package.guid} (required), staging resources, lifecycle data, metadata. */
    static Builds.Create create(String raw) {
        Body body = Body.parse(raw, "package", "lifecycle", "staging_memory_in_mb", "staging_disk_in_mb",
                "staging_log_rate_limit_bytes_per_second", "metadata");
        var pkg = body.object("package");
        String packageGuid = pkg != null && pkg.path("guid").isTextual() ? pkg.get("guid").asText() : null;
        if (packageGuid == null) {
            body.error("Package guid must be a string");
        }
        Long memory = body.positiveLong("staging_memory_in_mb");
        Long disk = body.positiveLong("staging_disk_in_mb");
        Long logRate = body.has("staging_log_rate_limit_bytes_per_second")
                && body.json().get("staging_log_rate_limit_bytes_per_second").canConvertToLong()
                ? body.json().get("staging_log_rate_limit_bytes_per_second").asLong() : null;
        List<String> buildpacks = null;
        String stack = null;
        var lifecycle = body.object("lifecycle");
        if (lifecycle != null) {
            var data = lifecycle.path("data");
            if (data.has("buildpacks")) {
                if (!data.get("buildpacks").isArray()) {
                    body.error("Buildpacks must be an array");
                } else {
                    buildpacks = new ArrayList<>();
                    for (var b : data.get("buildpacks")) {
                        buildpacks.add(b.asText());
                    }
                }
            }
            stack = data.path("stack").isTextual() ? data.get("stack").asText() : null;
        }
        var metadata = body.metadata();
        body.validate();
        return new Builds.Create(packageGuid, memory, disk, logRate, metadata, buildpacks, stack);
    }

    /** {@code metadata}, {@code state} (STAGED or FAILED) and {@code error}. */
    static Update update(String raw) {
        Body body = Body.parse(raw, "metadata", "state", "error", "lifecycle");
        String state = body.string("state", false, 16);
        if (state != null && !state.equals("STAGED") && !state.equals("FAILED")) {
            body.error("State must be one of 'STAGED', 'FAILED'");
        }
        String error = body.string("error", false, 5000);
        var metadata = body.metadata();
        body.validate();
        return new Update(metadata, state, error);
    }
}
