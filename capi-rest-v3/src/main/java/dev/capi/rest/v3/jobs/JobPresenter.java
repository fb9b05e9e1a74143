package dev.capi.rest.v3.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Job;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;

/** Job JSON: state, errors, warnings and links to the job and (while it exists) its resource. */
public final class JobPresenter {
    private JobPresenter() {
    }

    public static ObjectNode present(Job job, boolean resourceExists, Links links) {
        ObjectNode node = JsonSupport.resource(job.guid(), job.createdAt(), job.updatedAt());
        node.put("operation", job.operation());
        node.put("state", job.state().name());
        var errors = node.putArray("errors");
        job.errors().forEach(e -> errors.addObject().put("detail", e.detail()).put("title", e.title())
                .put("code", e.code()));
        var warnings = node.putArray("warnings");
        job.warnings().forEach(w -> warnings.addObject().put("detail", w));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/jobs/" + job.guid()));
        if (resourceExists && job.resourceType() != null && job.resourceGuid() != null) {
            l.set(singular(job.resourceType()), links.href("/v3/" + job.resourceType() + "/" + job.resourceGuid()));
        }
        return node;
    }

    /** The link is named for one resource ({@code app}), its path for the collection ({@code /v3/apps}). */
    private static String singular(String resourceType) {
        return resourceType.endsWith("s") ? resourceType.substring(0, resourceType.length() - 1) : resourceType;
    }
}
