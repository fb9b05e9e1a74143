package dev.capi.domain.apps;

import dev.capi.domain.locks.LockableApps;

import java.util.Optional;

/** Apps as locks see them: guid, name, space and organization. */
public final class LockableAppView implements LockableApps {
    private final AppRepository apps;

    public LockableAppView(AppRepository apps) {
        this.apps = apps;
    }

    @Override
    public Optional<LockableApp> find(String appGuid) {
        return apps.find(appGuid).map(a -> new LockableApp(a.guid(), a.name(), a.spaceGuid(), a.organizationGuid()));
    }
}
