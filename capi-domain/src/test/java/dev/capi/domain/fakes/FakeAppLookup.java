package dev.capi.domain.fakes;

import dev.capi.domain.routes.AppLookup;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Apps as routing sees them, added by tests (until the apps resource exists). */
public final class FakeAppLookup implements AppLookup {
    private final Map<String, App> apps = new LinkedHashMap<>();

    public FakeAppLookup add(String guid, String name, String spaceGuid, boolean docker) {
        apps.put(guid, new App(guid, name, spaceGuid, docker, List.of("web")));
        return this;
    }

    @Override
    public List<App> findAll(Collection<String> guids) {
        return guids.stream().map(apps::get).filter(Objects::nonNull).toList();
    }
}
