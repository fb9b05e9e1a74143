package dev.capi.domain.builds;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Build;

import java.util.Optional;

/**
 * Port: builds (metadata loaded with them). List filters: guids, app_guids, package_guids, states, space_guids,
 * organization_guids, label_selector; order: created_at, updated_at; visibility through the build's space.
 */
public interface BuildRepository {
    Optional<Build> find(String guid);

    Page<Build> list(ListQuery query);

    boolean stagingForApp(String appGuid);

    void insert(Build b);

    /** Writes state, error, droplet and updated_at. */
    void update(Build b);
}
