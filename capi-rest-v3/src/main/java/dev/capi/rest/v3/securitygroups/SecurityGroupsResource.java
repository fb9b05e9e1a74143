package dev.capi.rest.v3.securitygroups;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.securitygroups.Lifecycle;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.RelationshipDocuments;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import dev.capi.domain.securitygroups.SecurityGroups;
import jakarta.inject.Inject;

/**
 * {@code /v3/security_groups}: list (bad parameters are 422 here), create, get, update, asynchronous delete, and
 * binding to spaces for running and staging apps.
 */
@Path("/v3/security_groups")
public final class SecurityGroupsResource extends V3Resource {
    private final SecurityGroups securityGroups;

    @Inject
    public SecurityGroupsResource(SecurityGroups securityGroups) {
        this.securityGroups = securityGroups;
    }

    static final ListSpec LIST = ListSpec.of("names", "running_space_guids", "staging_space_guids",
            "globally_enabled_running", "globally_enabled_staging").unprocessableOnError();
    private static final String KINDS = "{kind: running_spaces|staging_spaces}";

    @GET
    public Response list() {
        var params = parseList();
        var page = securityGroups.list(permissions(), params.query());
        var resources = page.resources().stream().map(g -> SecurityGroupPresenter.present(g, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/security_groups", links));
    }

    /** The shared list parameters plus the two boolean-string filters, all problems in one 422. */
    private ListParams parseList() {
        List<String> problems = new ArrayList<>();
        var raw = ListParams.firstValues(uri.getQueryParameters());
        for (String key : List.of("globally_enabled_running", "globally_enabled_staging")) {
            if (raw.containsKey(key) && !raw.get(key).equals("true") && !raw.get(key).equals("false")) {
                problems.add(Body.humanize(key) + " must be 'true' or 'false'");
            }
        }
        ListParams params;
        try {
            params = ListParams.parse(uri, LIST);
        } catch (CfException e) {
            if (problems.isEmpty()) {
                throw e;
            }
            problems.add(0, e.detail());
            params = null;
        }
        if (!problems.isEmpty()) {
            throw CfException.unprocessable(String.join(", ", problems));
        }
        return params;
    }

    @POST
    public Response create(String body) {
        var groups = securityGroups;
        groups.requireAdmin(permissions());
        var command = SecurityGroupMessages.create(body, groups.rules());
        return created(SecurityGroupPresenter.present(groups.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(SecurityGroupPresenter.present(securityGroups.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var groups = securityGroups;
        groups.requireVisible(permissions(), guid);
        groups.requireAdmin(permissions());
        var command = SecurityGroupMessages.update(body, groups.rules());
        return ok(SecurityGroupPresenter.present(groups.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(securityGroups.delete(permissions(), guid));
    }

    @POST
    @Path("/{guid}/relationships/" + KINDS)
    public Response bind(@PathParam("guid") String guid, @PathParam("kind") String kind, String body) {
        var groups = securityGroups;
        groups.requireVisible(permissions(), guid);
        List<String> spaces = SecurityGroupMessages.spaces(body);
        List<String> bound = groups.bind(permissions(), guid, lifecycle(kind), spaces);
        return ok(RelationshipDocuments.toMany(links, "security_groups/" + guid, kind, bound, false));
    }

    @DELETE
    @Path("/{guid}/relationships/" + KINDS + "/{space_guid}")
    public Response unbind(@PathParam("guid") String guid, @PathParam("kind") String kind,
                           @PathParam("space_guid") String spaceGuid) {
        securityGroups.unbind(permissions(), guid, lifecycle(kind), spaceGuid);
        return noContent();
    }

    private static Lifecycle lifecycle(String kind) {
        return kind.startsWith("running") ? Lifecycle.RUNNING : Lifecycle.STAGING;
    }
}
