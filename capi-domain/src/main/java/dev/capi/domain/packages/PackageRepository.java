package dev.capi.domain.packages;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AppPackage;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Port: packages (metadata loaded with them). List filters: guids, app_guids, space_guids, organization_guids,
 * states, types, label_selector; order: created_at, updated_at; visibility through the package's space.
 */
public interface PackageRepository {
    Optional<AppPackage> find(String guid);

    Page<AppPackage> list(ListQuery query);

    void insert(AppPackage p);

    /** Writes state, error, checksums, blob key, docker credentials and updated_at. */
    void update(AppPackage p);

    void delete(String guid);

    /**
     * Makes FAILED with {@code error} (and {@code updated_at = now}) every package in one of {@code states} whose
     * updated_at is before {@code cutoff}, in one conditional statement (safe when several nodes run it at once);
     * returns how many changed.
     */
    int failStale(Collection<String> states, Instant cutoff, String error, Instant now);
}
