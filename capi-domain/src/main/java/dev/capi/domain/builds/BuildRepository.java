package dev.capi.domain.builds;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Build;

import java.time.Instant;
import java.util.List;
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

    /** The guids of at most {@code limit} STAGING builds whose updated_at is before {@code cutoff}, oldest first. */
    List<String> stagingSince(Instant cutoff, int limit);

    /**
     * Makes the build FAILED with {@code error} (and {@code updated_at = now}) only if it is still STAGING with an
     * updated_at before {@code cutoff} (one conditional statement); returns whether it changed.
     */
    boolean failStaging(String guid, Instant cutoff, String error, Instant now);
}
