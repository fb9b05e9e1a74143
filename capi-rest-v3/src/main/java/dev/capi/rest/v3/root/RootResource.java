package dev.capi.rest.v3.root;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.rest.v3.support.ApiInfo;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Public;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The unauthenticated documents clients start from: {@code /}, {@code /v3}, {@code /v3/info}, {@code /v2/info}. */
@Path("/")
@Public
public final class RootResource extends V3Resource {
    /** The collections {@code GET /v3} links to. */
    static final List<String> V3_COLLECTIONS = List.of("app_usage_events", "apps", "audit_events", "buildpacks",
            "builds", "deployments", "domains", "droplets", "environment_variable_groups", "feature_flags",
            "info", "isolation_segments", "organizations", "organization_quotas", "packages", "processes",
            "resource_matches", "roles", "routes", "security_groups", "service_brokers", "service_instances",
            "service_credential_bindings", "service_offerings", "service_plans", "service_route_bindings",
            "service_usage_events", "spaces", "space_quotas", "stacks", "tasks", "users");

    @Inject
    ApiInfo info;

    @GET
    public Response root() {
        ObjectNode doc = JsonSupport.object();
        ObjectNode l = doc.putObject("links");
        l.set("self", links.href(""));
        l.putNull("cloud_controller_v2");
        ObjectNode v3 = links.href("/v3");
        v3.putObject("meta").put("version", ApiInfo.V3_VERSION);
        l.set("cloud_controller_v3", v3);
        l.putNull("network_policy_v0");
        l.putNull("network_policy_v1");
        l.set("login", href(info.loginUrl()));
        l.set("uaa", href(info.uaaUrl()));
        l.putNull("credhub");
        l.putNull("routing");
        l.putNull("logging");
        if (info.logCacheUrl() != null) {
            l.set("log_cache", href(info.logCacheUrl()));
        } else {
            l.putNull("log_cache");
        }
        l.putNull("log_stream");
        l.putNull("app_ssh");
        return ok(doc);
    }

    private static ObjectNode href(String url) {
        ObjectNode node = JsonSupport.object();
        node.put("href", url);
        return node;
    }

    @GET
    @Path("v3")
    public Response v3() {
        ObjectNode doc = JsonSupport.object();
        ObjectNode l = doc.putObject("links");
        l.set("self", links.href("/v3"));
        for (String c : V3_COLLECTIONS) {
            l.set(c, links.href("/v3/" + c));
        }
        return ok(doc);
    }

    @GET
    @Path("v3/info")
    public Response info() {
        ObjectNode doc = JsonSupport.object();
        doc.put("build", info.build());
        ObjectNode cli = doc.putObject("cli_version");
        cli.put("minimum", info.minCliVersion());
        cli.put("recommended", info.recommendedCliVersion());
        doc.putObject("custom");
        doc.put("description", info.description());
        doc.put("name", info.name());
        doc.put("version", 3);
        doc.put("osbapi_version", ApiInfo.OSBAPI_VERSION);
        ObjectNode rate = doc.putObject("rate_limits");
        rate.putNull("general");
        rate.putNull("services");
        ObjectNode l = doc.putObject("links");
        l.set("self", links.href("/v3/info"));
        l.set("support", href(info.supportUrl()));
        return ok(doc);
    }

    @GET
    @Path("v2/info")
    public Response v2Info() {
        ObjectNode doc = JsonSupport.object();
        doc.put("name", info.name());
        doc.put("build", info.build());
        doc.put("support", info.supportUrl());
        doc.put("version", 0);
        doc.put("description", info.description());
        doc.put("authorization_endpoint", info.loginUrl());
        doc.put("token_endpoint", info.uaaUrl());
        doc.put("min_cli_version", info.minCliVersion());
        doc.put("min_recommended_cli_version", info.recommendedCliVersion());
        doc.putNull("app_ssh_endpoint");
        doc.putNull("app_ssh_host_key_fingerprint");
        doc.putNull("app_ssh_oauth_client");
        doc.putNull("doppler_logging_endpoint");
        doc.put("api_version", ApiInfo.V2_VERSION);
        doc.put("osbapi_version", ApiInfo.OSBAPI_VERSION);
        doc.putNull("routing_endpoint");
        return ok(doc);
    }

    @GET
    @Path("healthz")
    public Response healthz() {
        return Response.ok("OK", MediaType.TEXT_PLAIN_TYPE).build();
    }
}
