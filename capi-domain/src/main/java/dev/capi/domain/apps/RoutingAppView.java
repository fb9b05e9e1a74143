package dev.capi.domain.apps;

import dev.capi.domain.routes.AppLookup;
import dev.capi.model.AppProcess;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Apps as routing sees them (space, docker or not, process types): two queries for any number of apps. */
public final class RoutingAppView implements AppLookup {
    private final AppRepository apps;
    private final ProcessRepository processes;

    public RoutingAppView(AppRepository apps, ProcessRepository processes) {
        this.apps = apps;
        this.processes = processes;
    }

    @Override
    public List<AppLookup.App> findAll(Collection<String> guids) {
        var found = apps.findAll(guids);
        var types = processes.forApps(found.stream().map(dev.capi.model.App::guid).toList()).stream()
                .collect(Collectors.groupingBy(AppProcess::appGuid,
                        Collectors.mapping(AppProcess::type, Collectors.toList())));
        return found.stream().map(a -> new AppLookup.App(a.guid(), a.name(), a.spaceGuid(),
                a.lifecycle() != null && a.lifecycle().isDocker(), types.getOrDefault(a.guid(), List.of()))).toList();
    }
}
