package dev.capi.rest.v3.builds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.builds.Builds;
import dev.capi.model.Build;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.inject.Inject;

/** {@code /v3/builds}: create (stage a package), list, get, update; and {@code /v3/apps/:guid/builds}. */
@Path("/v3/builds")
public final class BuildsResource extends V3Resource {
    private final Builds builds;

    @Inject
    public BuildsResource(Builds builds) {
        this.builds = builds;
    }

    static final ListSpec LIST = ListSpec.of("guids", "app_guids", "package_guids", "states", "space_guids",
            "organization_guids").labelSelector();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = builds.list(permissions(), params.query());
        return ok(Pagination.document(page, page.resources().stream().map(this::present).toList(), params,
                "/v3/builds", links));
    }

    @POST
    public Response create(String raw) {
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
        java.util.List<String> buildpacks = null;
        String stack = null;
        var lifecycle = body.object("lifecycle");
        if (lifecycle != null) {
            var data = lifecycle.path("data");
            if (data.has("buildpacks")) {
                if (!data.get("buildpacks").isArray()) {
                    body.error("Buildpacks must be an array");
                } else {
                    buildpacks = new java.util.ArrayList<>();
                    for (var b : data.get("buildpacks")) {
                        buildpacks.add(b.asText());
                    }
                }
            }
            stack = data.path("stack").isTextual() ? data.get("stack").asText() : null;
        }
        var metadata = body.metadata();
        body.validate();
        Build build = builds.create(permissions(), new Builds.Create(packageGuid, memory, disk, logRate,
                metadata, buildpacks, stack));
        return created(present(build));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(builds.get(permissions(), guid)));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        var update = BuildMessages.update(raw);
        return ok(present(builds.update(permissions(), guid, update.metadata(), update.state(), update.error())));
    }

    ObjectNode present(Build b) {
        return BuildPresenter.present(b, builds.dropletFinal(b), links);
    }

    /**
     * {@code GET /v3/apps/:guid/builds}, and the seed's {@code PATCH /v3/apps/:guid/builds} ("Update Build Via App"):
     * the app's most recent build, updated as {@code PATCH /v3/builds/:guid} does (see docs/PATCH-APP-BUILDS.md).
     */
    @Path("/v3/apps/{guid}/builds")
    public static final class ForApp extends V3Resource {
        private final Builds builds;

        @Inject
        public ForApp(Builds builds) {
            this.builds = builds;
        }

        static final ListSpec LIST = ListSpec.of("states").labelSelector();

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, LIST);
            var page = builds.listForApp(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(b -> BuildPresenter.present(b,
                    builds.dropletFinal(b), links)).toList(), params,
                    "/v3/apps/" + appGuid + "/builds", links));
        }

        @PATCH
        public Response update(@PathParam("guid") String appGuid, String raw) {
            String buildGuid = builds.latestForApp(permissions(), appGuid).guid();
            var update = BuildMessages.update(raw);
            Build b = builds.update(permissions(), buildGuid, update.metadata(), update.state(), update.error());
            return ok(BuildPresenter.present(b, builds.dropletFinal(b), links));
        }
    }
}
