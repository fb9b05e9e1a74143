package dev.capi.rest.v3.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.capi.domain.manifests.ManifestApply;
import dev.capi.domain.manifests.ManifestSource;
import jakarta.inject.Inject;

/**
 * {@code POST /v3/spaces/:guid/actions/apply_manifest} (202 + job) and {@code POST /v3/spaces/:guid/manifest_diff}
 * (201 with the diff). Both take YAML only (400 otherwise), then check the space (404, 403), then the manifest.
 */
public final class SpaceManifestsResource {
    private static final Set<String> YAML = Set.of("application/x-yaml", "application/yaml", "text/yaml",
            "text/x-yaml");

    private SpaceManifestsResource() {
    }

    @Path("/v3/spaces/{guid}/actions/apply_manifest")
    public static final class Apply extends V3Resource {
        private final ManifestApply manifestApply;

        @Inject
        public Apply(ManifestApply manifestApply) {
            this.manifestApply = manifestApply;
        }

        @POST
        public Response apply(@PathParam("guid") String guid, @HeaderParam("Content-Type") String contentType,
                              String body) {
            requireYaml(contentType);
            manifestApply.writableSpace(permissions(), guid);
            var manifests = ManifestMessages.applications(ManifestYaml.read(body));
            return accepted(manifestApply.apply(permissions(), guid, manifests));
        }
    }

    @Path("/v3/spaces/{guid}/manifest_diff")
    public static final class Diff extends V3Resource {
        private final ManifestApply manifestApply;
        private final ManifestSource manifestSource;

        @Inject
        public Diff(ManifestApply manifestApply, ManifestSource manifestSource) {
            this.manifestApply = manifestApply;
            this.manifestSource = manifestSource;
        }

        @POST
        public Response diff(@PathParam("guid") String guid, @HeaderParam("Content-Type") String contentType,
                             String body) {
            requireYaml(contentType);
            manifestApply.writableSpace(permissions(), guid);
            JsonNode doc = ManifestYaml.read(body);
            var manifests = ManifestMessages.applications(doc);
            List<String> names = new ArrayList<>();
            manifests.forEach(m -> names.add(m.name()));
            var current = manifestApply.currentManifests(permissions(), guid, names,
                    manifestSource);
            var result = JsonSupport.object();
            result.set("diff", ManifestDiff.diff(doc.get("applications"), current));
            return created(result);
        }
    }

    private static void requireYaml(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!YAML.contains(type)) {
            throw CfException.of(CfError.BadRequest, "Content-Type must be yaml");
        }
    }
}
