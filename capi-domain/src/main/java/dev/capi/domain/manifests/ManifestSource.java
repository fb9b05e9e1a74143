package dev.capi.domain.manifests;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.routes.RouteDetails;
import dev.capi.domain.routes.Routes;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.AppProcess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an app's manifest says today ({@code GET /v3/apps/:guid/manifest}, and the "before" side of a manifest
 * diff): the app, its processes by type, and its route mappings (URI and protocol).
 */
public final class ManifestSource {
    private final AppAccess access;
    private final ProcessRepository processes;
    private final Routes routes;
    private final Transactions tx;
    private final dev.capi.domain.sidecars.Sidecars sidecars;

    public ManifestSource(AppAccess access, ProcessRepository processes, Routes routes, Transactions tx,
                          dev.capi.domain.sidecars.Sidecars sidecars) {
        this.sidecars = sidecars;
        this.access = access;
        this.processes = processes;
        this.routes = routes;
        this.tx = tx;
    }

    public record RouteMapping(String uri, String protocol) {
    }

    public record Current(App app, List<AppProcess> processes, List<RouteMapping> routes,
                          List<dev.capi.model.Sidecar> sidecars) {
    }

    /** 404 "App not found" unless visible; 403 unless the principal reads the space's secrets (developers). */
    public Current manifest(Permissions perms, String appGuid) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            if (!perms.canReadSecretsInSpace(app.spaceGuid())) {
                throw CfException.notAuthorized();
            }
            return of(perms, app);
        });
    }

    /** The manifest of an app the caller already may change (the diff checked the space). */
    Current of(Permissions perms, App app) {
        List<AppProcess> ps = new ArrayList<>(processes.forApp(app.guid()));
        ps.sort(Comparator.comparing(AppProcess::type));
        List<RouteMapping> mappings = new ArrayList<>();
        for (RouteDetails d : routes.listForApp(perms, app.guid(), ListQuery.all()).resources()) {
            String uri = d.route().uri(d.domain().name());
            d.destinations().stream().filter(x -> x.appGuid().equals(app.guid())).map(x -> x.protocol() != null
                            ? x.protocol() : d.domain().isTcp() ? "tcp" : "http1").distinct()
                    .forEach(p -> mappings.add(new RouteMapping(uri, p)));
        }
        mappings.sort(Comparator.comparing(m -> m.uri().toLowerCase(java.util.Locale.ROOT)));
        return new Current(app, ps, mappings, sidecars.listForApp(perms, app.guid(),
                dev.capi.domain.query.ListQuery.all()).resources());
    }
}
