package dev.capi.rest.v3.featureflags;

import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import dev.capi.domain.featureflags.FeatureFlags;
import jakarta.inject.Inject;

/** {@code /v3/feature_flags}: list, get, update (admin). */
@Path("/v3/feature_flags")
public final class FeatureFlagsResource extends V3Resource {
    private final FeatureFlags featureFlags;

    @Inject
    public FeatureFlagsResource(FeatureFlags featureFlags) {
        this.featureFlags = featureFlags;
    }

    static final ListSpec LIST = ListSpec.of().onlyOrderBy("name").withoutCreatedAts();
    static final String OVERRIDE_WARNING = "The feature flag has an override configured in the bosh manifest and can "
            + "be overwritten when the deployment is updated.";

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = featureFlags.list(params.query());
        var resources = page.resources().stream().map(f -> FeatureFlagPresenter.present(f, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/feature_flags", links));
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name) {
        return ok(FeatureFlagPresenter.present(featureFlags.get(name), links));
    }

    @PATCH
    @Path("/{name}")
    public Response update(@PathParam("name") String name, String body) {
        var parsed = FeatureFlagMessages.parse(body);
        var flag = featureFlags.update(permissions(), name, () -> FeatureFlagMessages.update(parsed));
        var response = ok(FeatureFlagPresenter.present(flag, links));
        if (featureFlags.overriddenByConfig(name)) {
            return Response.fromResponse(response)
                    .header("X-Cf-Warnings", URLEncoder.encode(OVERRIDE_WARNING, StandardCharsets.UTF_8)).build();
        }
        return response;
    }
}
