package dev.capi.server.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /uaa/info} and {@code GET /uaa/login}: the server's links and the login prompts the cf CLI shows. */
@Path("/uaa")
@Public
public final class UaaInfoResource {
    private final String baseUrl;

    UaaInfoResource(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @GET
    @Path("login")
    public Response login() {
        return info();
    }

    @GET
    @Path("info")
    public Response info() {
        ObjectNode body = JsonSupport.object();
        body.putObject("app").put("version", "capi-builtin");
        ObjectNode links = body.putObject("links");
        links.put("uaa", baseUrl);
        links.put("login", baseUrl);
        body.put("zone_name", "uaa");
        ObjectNode prompts = body.putObject("prompts");
        prompts.putArray("username").add("text").add("Email");
        prompts.putArray("password").add("password").add("Password");
        return UaaJson.json(200, body);
    }
}
