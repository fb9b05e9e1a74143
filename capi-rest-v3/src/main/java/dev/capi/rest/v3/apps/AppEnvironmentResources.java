package dev.capi.rest.v3.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.apps.AppEnvironment;
import dev.capi.domain.apps.AppFeatures;
import jakarta.inject.Inject;

/** An app's environment, features, SSH status and permissions, each under its own path. */
public final class AppEnvironmentResources {
    private AppEnvironmentResources() {
    }

    /** {@code GET /v3/apps/:guid/env}. */
    @Path("/v3/apps/{guid}/env")
    public static final class Env extends V3Resource {
        private final AppEnvironment appEnvironment;

        @Inject
        public Env(AppEnvironment appEnvironment) {
            this.appEnvironment = appEnvironment;
        }

        @GET
        public Response get(@PathParam("guid") String guid) {
            return ok(AppEnvPresenter.env(appEnvironment.env(permissions(), guid)));
        }
    }

    /** {@code GET|PATCH /v3/apps/:guid/environment_variables}. */
    @Path("/v3/apps/{guid}/environment_variables")
    public static final class EnvironmentVariables extends V3Resource {
        private final AppEnvironment appEnvironment;

        @Inject
        public EnvironmentVariables(AppEnvironment appEnvironment) {
            this.appEnvironment = appEnvironment;
        }

        @GET
        public Response get(@PathParam("guid") String guid) {
            return ok(AppEnvPresenter.environmentVariables(
                    appEnvironment.environmentVariables(permissions(), guid), links));
        }

        @PATCH
        public Response update(@PathParam("guid") String guid, String body) {
            var app = appEnvironment.updateEnvironmentVariables(permissions(), guid,
                    () -> AppMessages.environmentVariables(body));
            return ok(AppEnvPresenter.environmentVariables(app, links));
        }
    }

    /** {@code GET /v3/apps/:guid/features}, {@code GET|PATCH /v3/apps/:guid/features/:name}. */
    @Path("/v3/apps/{guid}/features")
    public static final class Features extends V3Resource {
        private final AppFeatures appFeatures;

        @Inject
        public Features(AppFeatures appFeatures) {
            this.appFeatures = appFeatures;
        }

        @GET
        public Response list(@PathParam("guid") String guid) {
            return ok(AppEnvPresenter.features(guid, appFeatures.list(permissions(), guid), links));
        }

        @GET
        @Path("/{name}")
        public Response get(@PathParam("guid") String guid, @PathParam("name") String name) {
            return ok(AppEnvPresenter.feature(name, appFeatures.get(permissions(), guid, name)));
        }

        @PATCH
        @Path("/{name}")
        public Response update(@PathParam("guid") String guid, @PathParam("name") String name, String body) {
            boolean enabled = appFeatures.update(permissions(), guid, name, () -> AppMessages.feature(body));
            return ok(AppEnvPresenter.feature(name, enabled));
        }
    }

    /** {@code GET /v3/apps/:guid/ssh_enabled}. */
    @Path("/v3/apps/{guid}/ssh_enabled")
    public static final class SshEnabled extends V3Resource {
        private final AppFeatures appFeatures;

        @Inject
        public SshEnabled(AppFeatures appFeatures) {
            this.appFeatures = appFeatures;
        }

        @GET
        public Response get(@PathParam("guid") String guid) {
            var status = appFeatures.sshEnabled(permissions(), guid);
            ObjectNode node = JsonSupport.object();
            node.put("enabled", status.enabled());
            node.put("reason", status.reason());
            return ok(node);
        }
    }

    /** {@code GET /v3/apps/:guid/permissions}. */
    @Path("/v3/apps/{guid}/permissions")
    public static final class AppPermissions extends V3Resource {
        private final AppFeatures appFeatures;

        @Inject
        public AppPermissions(AppFeatures appFeatures) {
            this.appFeatures = appFeatures;
        }

        @GET
        public Response get(@PathParam("guid") String guid) {
            var p = appFeatures.permissions(permissions(), guid);
            ObjectNode node = JsonSupport.object();
            node.put("read_basic_data", p.readBasicData());
            node.put("read_sensitive_data", p.readSensitiveData());
            return ok(node);
        }
    }
}
