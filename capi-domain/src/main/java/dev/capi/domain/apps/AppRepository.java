package dev.capi.domain.apps;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.App;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: apps (metadata and the space's organization loaded with them). List filters: guids, names, space_guids,
 * organization_guids, stacks, lifecycle_type; order: name, state. Names are unique per space, compared
 * case-insensitively by {@link #nameTaken}; {@link #insert} and {@link #update} throw {@link NameTaken} when the
 * store refuses a duplicate (two requests racing past the check).
 */
public interface AppRepository {
    Optional<App> find(String guid);

    List<App> findAll(Collection<String> guids);

    Page<App> list(ListQuery query);

    List<App> inSpace(String spaceGuid);

    boolean nameTaken(String spaceGuid, String name);

    /** Whether any app (buildpack or cnb) names this stack. */
    boolean anyOnStack(String stackName);

    /** Guids of the apps on this stack that the visibility allows, in creation order. */
    List<String> guidsOnStack(String stackName, Visibility visibility);

    void insert(App app);

    void update(App app);

    void delete(String guid);

    /** The store refused a second app of the same name in one space. */
    final class NameTaken extends RuntimeException {
        public NameTaken(Throwable cause) {
            super("app name already taken in its space", cause);
        }
    }
}
