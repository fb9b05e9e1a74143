package dev.capi.rest.v3.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.PermissionsFactory;
import dev.capi.domain.auth.Principal;
import dev.capi.model.Job;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** The base of every V3 resource: links, the request's principal and permissions, and the usual responses. */
public abstract class V3Resource {
    @Inject
    private PermissionsFactory permissionsFactory;
    @Inject
    protected Links links;
    @Context
    protected ContainerRequestContext request;
    @Context
    protected UriInfo uri;

    private Permissions permissions;

    protected Principal principal() {
        return (Principal) request.getProperty(AuthenticationFilter.PRINCIPAL);
    }

    /** The caller's permissions, created once per request. */
    protected Permissions permissions() {
        if (permissions == null) {
            permissions = permissionsFactory.of(principal());
        }
        return permissions;
    }

    protected static Response ok(JsonNode body) {
        return json(Response.ok(), body);
    }

    protected static Response created(JsonNode body) {
        return json(Response.status(201), body);
    }

    protected static Response noContent() {
        return Response.noContent().build();
    }

    /** 202 with {@code Location: <external>/v3/jobs/:guid} and no body. */
    protected Response accepted(Job job) {
        return Response.accepted().location(URI.create(links.url("/v3/jobs/" + job.guid()))).build();
    }

    /** 202 with a body (and a job Location when a job was started). */
    protected Response accepted(JsonNode body, Job job) {
        var builder = Response.accepted();
        if (job != null) {
            builder.location(URI.create(links.url("/v3/jobs/" + job.guid())));
        }
        return json(builder, body);
    }

    private static Response json(Response.ResponseBuilder builder, JsonNode body) {
        return builder.type(MediaType.APPLICATION_JSON_TYPE).entity(JsonSupport.write(body)).build();
    }
}
