package dev.capi.rest.v3.processes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.processes.Processes;
import dev.capi.domain.processes.Processes.Target;
import dev.capi.model.AppProcess;
import dev.capi.model.Lifecycle;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import dev.capi.domain.droplets.Droplets;
import java.time.Clock;
import jakarta.inject.Inject;

/** {@code /v3/processes}: list, get, update, scale, terminate an instance, stats and instances. */
@Path("/v3/processes")
public final class ProcessesResource extends V3Resource {
    private final Processes processes;
    private final Droplets droplets;
    private final Clock clock;

    @Inject
    public ProcessesResource(Processes processes, Droplets droplets, Clock clock) {
        this.processes = processes;
        this.droplets = droplets;
        this.clock = clock;
    }

    private ProcessDocuments docs() {
        return new ProcessDocuments(processes, droplets, permissions(), links, uri);
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, ProcessMessages.LIST);
        var page = processes.list(permissions(), params.query());
        return ok(docs().page( page, params, "/v3/processes"));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(docs().show( Target.byGuid(guid)));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        return ok(docs().update( Target.byGuid(guid), body));
    }

    @POST
    @Path("/{guid}/actions/scale")
    public Response scale(@PathParam("guid") String guid, String body) {
        return accepted(docs().scale( Target.byGuid(guid), body), null);
    }

    @DELETE
    @Path("/{guid}/instances/{index}")
    public Response terminate(@PathParam("guid") String guid, @PathParam("index") String index) {
        processes.terminate(permissions(), Target.byGuid(guid), ProcessDocuments.index(index));
        return noContent();
    }

    @GET
    @Path("/{guid}/stats")
    public Response stats(@PathParam("guid") String guid) {
        return ok(ProcessStatsPresenter.present(processes.stats(permissions(), Target.byGuid(guid)),
                clock));
    }

    @GET
    @Path("/{guid}/process_instances")
    public Response instances(@PathParam("guid") String guid) {
        var stats = processes.instances(permissions(), Target.byGuid(guid));
        ObjectNode doc = JsonSupport.object();
        doc.set("resources", ProcessPresenter.instances(stats.instances()));
        ObjectNode l = doc.putObject("links");
        l.set("self", links.href("/v3/processes/" + stats.process().guid() + "/process_instances"));
        l.set("process", links.href("/v3/processes/" + stats.process().guid()));
        return ok(doc);
    }

    /** {@code /v3/apps/:guid/processes[/:type]}: the same endpoints, naming the process by app and type. */
    @Path("/v3/apps/{app}/processes")
    public static final class ForApp extends V3Resource {
        private final Processes processes;
        private final Droplets droplets;
        private final Clock clock;

        @Inject
        public ForApp(Processes processes, Droplets droplets, Clock clock) {
            this.processes = processes;
            this.droplets = droplets;
            this.clock = clock;
        }

        private ProcessDocuments docs() {
            return new ProcessDocuments(processes, droplets, permissions(), links, uri);
        }

        @GET
        public Response list(@PathParam("app") String app) {
            var params = ListParams.parse(uri, ProcessMessages.APP_LIST);
            var page = processes.listForApp(permissions(), app, params.query());
            return ok(docs().page( page, params, "/v3/apps/" + app + "/processes"));
        }

        @GET
        @Path("/{type}")
        public Response get(@PathParam("app") String app, @PathParam("type") String type) {
            return ok(docs().show( Target.byType(app, type)));
        }

        @PATCH
        @Path("/{type}")
        public Response update(@PathParam("app") String app, @PathParam("type") String type, String body) {
            return ok(docs().update( Target.byType(app, type), body));
        }

        @POST
        @Path("/{type}/actions/scale")
        public Response scale(@PathParam("app") String app, @PathParam("type") String type, String body) {
            return accepted(docs().scale( Target.byType(app, type), body), null);
        }

        @DELETE
        @Path("/{type}/instances/{index}")
        public Response terminate(@PathParam("app") String app, @PathParam("type") String type,
                                  @PathParam("index") String index) {
            processes.terminate(permissions(), Target.byType(app, type), ProcessDocuments.index(index));
            return noContent();
        }

        @GET
        @Path("/{type}/stats")
        public Response stats(@PathParam("app") String app, @PathParam("type") String type) {
            return ok(ProcessStatsPresenter.present(
                    processes.stats(permissions(), Target.byType(app, type)), clock));
        }
    }
}
