package dev.capi.domain.routes;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.model.Job;

import java.util.List;

/**
 * Removes routes with everything hanging off them (destinations, shares, metadata): the {@code route.delete} and
 * {@code space.delete_unmapped_routes} jobs, the domain delete job, and the org/space delete cascades.
 */
public final class RouteRemoval implements OrganizationCleanup {
    private final RoutingContext c;

    public RouteRemoval(RoutingContext c) {
        this.c = c;
    }

    public void remove(String routeGuid) {
        c.destinations().deleteForRoute(routeGuid);
        c.metadataStore().delete(routeGuid);
        c.routes().delete(routeGuid);
    }

    public void removeAll(List<String> routeGuids) {
        routeGuids.forEach(this::remove);
    }

    /** Removes a domain: its routes (in any organization), its shares and metadata. */
    public void removeDomain(String domainGuid) {
        removeAll(c.routes().ofDomain(domainGuid));
        c.metadataStore().delete(domainGuid);
        c.domains().delete(domainGuid);
    }

    @Override
    public void deleteSpaceContents(String spaceGuid) {
        removeAll(c.routes().inSpace(spaceGuid));
        c.routes().unshareAllInto(spaceGuid);
    }

    @Override
    public void deleteOrganizationContents(String organizationGuid) {
        c.domains().ownedBy(organizationGuid).forEach(this::removeDomain);
        c.domains().unshareAll(organizationGuid);
    }

    /** Destinations of a deleted app go with it (for the apps resource's delete). */
    public void deleteAppDestinations(String appGuid) {
        c.destinations().deleteForApp(appGuid);
    }

    /** The {@code route.delete} job. */
    public JobHandler routeDeletion() {
        return handler(Routes.DELETE_JOB, job -> {
            if (c.routes().find(job.resourceGuid()).isEmpty()) {
                throw CfException.notFound("Route");
            }
            remove(job.resourceGuid());
        });
    }

    /** The {@code space.delete_unmapped_routes} job. */
    public JobHandler unmappedDeletion() {
        return handler(Routes.DELETE_UNMAPPED_JOB, job -> removeAll(c.routes().unmappedInSpace(job.resourceGuid())));
    }

    /** The {@code domain.delete} job. */
    public JobHandler domainDeletion() {
        return handler(dev.capi.domain.domains.Domains.DELETE_JOB, job -> {
            if (c.domains().find(job.resourceGuid()).isEmpty()) {
                throw CfException.notFound("Domain");
            }
            removeDomain(job.resourceGuid());
        });
    }

    private static JobHandler handler(String operation, java.util.function.Consumer<Job> work) {
        return new JobHandler() {
            @Override
            public String operation() {
                return operation;
            }

            @Override
            public void perform(Job job) {
                work.accept(job);
            }
        };
    }
}
