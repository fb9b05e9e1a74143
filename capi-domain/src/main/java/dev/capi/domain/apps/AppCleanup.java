package dev.capi.domain.apps;

/**
 * What must go with an app (packages, droplets, builds, tasks, route mappings ...): each resource family adds one to
 * {@link Apps#onDelete}; the {@code app.delete} job calls them all inside its transaction, before the processes and
 * the app are removed.
 */
public interface AppCleanup {
    void deleteAppContents(String appGuid);
}
