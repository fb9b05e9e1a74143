package dev.capi.domain.routes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: what routing needs to know of apps (declared here so routes do not depend on the apps resource): an app's
 * name, space, whether it is a docker app (no default port) and its process types.
 */
public interface AppLookup {
    /** One app as routing sees it. */
    record App(String guid, String name, String spaceGuid, boolean docker, List<String> processTypes) {
        public App {
            processTypes = List.copyOf(processTypes);
        }
    }

    List<App> findAll(Collection<String> guids);

    default Optional<App> find(String guid) {
        return findAll(List.of(guid)).stream().findFirst();
    }

    /** No apps at all (until an apps resource is wired). */
    static AppLookup none() {
        return guids -> List.of();
    }
}
