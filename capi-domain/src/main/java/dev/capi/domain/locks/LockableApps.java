package dev.capi.domain.locks;

import java.util.Optional;

/** Port: finds the app a lock protects (its space and organization), answered by the apps resource. */
public interface LockableApps {
    /** An app that can be locked: its guid, name, space and organization. */
    record LockableApp(String guid, String name, String spaceGuid, String organizationGuid) {
    }

    Optional<LockableApp> find(String appGuid);
}
