package dev.capi.domain.apps;

import java.util.List;

/**
 * What must go with an app (packages, droplets, builds, tasks, route mappings ...): each resource family adds one to
 * {@link Apps#onDelete}; the {@code app.delete} job calls them all inside its transaction, before the processes and
 * the app are removed. Work that involves an outside party (unbinding through a service broker) runs first, in
 * {@link #releaseAppContents}.
 */
@FunctionalInterface
public interface AppCleanup {
    void deleteAppContents(String appGuid);

    /**
     * Removes what needs an outside party before the app may go; returns the reference's message for each resource
     * that could not be removed now (the app then stays). Empty by default.
     */
    default List<String> releaseAppContents(String appGuid) {
        return List.of();
    }
}
