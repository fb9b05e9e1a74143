package dev.capi.rest.v3.processes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.droplets.Droplets;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.processes.Processes;
import dev.capi.domain.processes.Processes.Target;
import dev.capi.domain.query.Page;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.model.AppProcess;
import dev.capi.model.Lifecycle;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;

/** The documents the process endpoints answer with, for one request (both the flat and the app-nested routes). */
final class ProcessDocuments {
    private final Processes processes;
    private final Droplets droplets;
    private final Permissions perms;
    private final Links links;
    private final UriInfo uri;

    ProcessDocuments(Processes processes, Droplets droplets, Permissions perms, Links links, UriInfo uri) {
        this.processes = processes;
        this.droplets = droplets;
        this.perms = perms;
        this.links = links;
        this.uri = uri;
    }

    /** A list page; commands are always hidden in lists; {@code embed=process_instances} asks the runtime once. */
    ObjectNode page(Page<AppProcess> page, ListParams params, String path) {
        boolean embed = embed(params.raw().get("embed"));
        Map<String, List<InstanceReport>> instances = embed
                ? processes.instancesOf(page.resources()) : Map.of();
        var resources = page.resources().stream().map(p -> ProcessPresenter.present(p, links,
                ProcessPresenter.HIDDEN_IN_LISTS, embed ? instances.get(p.guid()) : null, false)).toList();
        return Pagination.document(page, resources, params, path, links);
    }

    ObjectNode show(Target target) {
        var raw = ListParams.firstValues(uri.getQueryParameters());
        List<String> unknown = raw.keySet().stream().filter(k -> !k.equals("embed")).toList();
        if (!unknown.isEmpty()) {
            throw CfException.badQuery("Unknown query parameter(s): '" + String.join("', '", unknown)
                    + "'. Valid parameters are: 'embed'");
        }
        Processes.Found found = processes.get(perms, target);
        AppProcess p = found.process();
        var instances = embed(raw.get("embed")) ? processes.instancesOf(List.of(p)).get(p.guid()) : null;
        String command = processes.canSeeCommand(perms, p) ? detectedCommand(found) : ProcessPresenter.HIDDEN;
        return ProcessPresenter.present(p, links, command, instances,
                Lifecycle.DOCKER.equals(found.app().lifecycle().type()));
    }

    /** A process without its own command runs its droplet's command for its type (the reference shows that one). */
    private String detectedCommand(Processes.Found found) {
        AppProcess p = found.process();
        if ((p.command() != null && !p.command().isEmpty()) || found.app().dropletGuid() == null) {
            return null;
        }
        return droplets.lookup().find(found.app().dropletGuid())
                .map(d -> d.processTypes().get(p.type())).orElse(null);
    }

    ObjectNode update(Target target, String body) {
        AppProcess p = processes.update(perms, target, () -> ProcessMessages.update(body));
        return ProcessPresenter.present(p, links, null, null, false);
    }

    ObjectNode scale(Target target, String body) {
        AppProcess p = processes.scale(perms, target, () -> ProcessMessages.scale(body));
        return ProcessPresenter.present(p, links, null, null, false);
    }

    /** The instance index of a path; anything but a number names no instance. */
    static int index(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw CfException.notFound("Instance");
        }
    }

    private static boolean embed(String value) {
        return value != null && List.of(value.split(",")).contains("process_instances");
    }
}
