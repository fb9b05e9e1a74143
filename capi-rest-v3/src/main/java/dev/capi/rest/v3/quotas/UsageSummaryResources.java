package dev.capi.rest.v3.quotas;

import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.quotas.UsageSummaries;
import jakarta.inject.Inject;

/** The usage summaries: of an organization or a space (their readers) and of the platform (global readers). */
public final class UsageSummaryResources {
    private UsageSummaryResources() {
    }

    /** {@code GET /v3/organizations/:guid/usage_summary}. */
    @Path("/v3/organizations/{guid}/usage_summary")
    public static final class Organization extends V3Resource {
        private final UsageSummaries usageSummaries;

        @Inject
        public Organization(UsageSummaries usageSummaries) {
            this.usageSummaries = usageSummaries;
        }

        @GET
        public Response get(@PathParam("guid") String guid) {
            return ok(QuotaPresenter.organizationUsage(guid, usageSummaries.organization(permissions(), guid),
                    links));
        }
    }

    /** {@code GET /v3/spaces/:guid/usage_summary}. */
    @Path("/v3/spaces/{guid}/usage_summary")
    public static final class Space extends V3Resource {
        private final UsageSummaries usageSummaries;

        @Inject
        public Space(UsageSummaries usageSummaries) {
            this.usageSummaries = usageSummaries;
        }

        @GET
        public Response get(@PathParam("guid") String guid) {
            return ok(QuotaPresenter.spaceUsage(guid, usageSummaries.space(permissions(), guid), links));
        }
    }

    /** {@code GET /v3/info/usage_summary} (authenticated, unlike {@code /v3/info}). */
    @Path("/v3/info/usage_summary")
    public static final class Platform extends V3Resource {
        private final UsageSummaries usageSummaries;

        @Inject
        public Platform(UsageSummaries usageSummaries) {
            this.usageSummaries = usageSummaries;
        }

        @GET
        public Response get() {
            return ok(QuotaPresenter.platformUsage(usageSummaries.platform(permissions()), links));
        }
    }
}
