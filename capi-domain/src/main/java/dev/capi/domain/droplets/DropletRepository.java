package dev.capi.domain.droplets;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Droplet;

import java.util.Optional;

/**
 * Port: droplets (metadata loaded with them). List filters: guids, app_guids, space_guids, organization_guids,
 * states, package_guids, label_selector; order: created_at, updated_at; visibility through the droplet's space.
 */
public interface DropletRepository {
    Optional<Droplet> find(String guid);

    Optional<Droplet> findByBuild(String buildGuid);

    Page<Droplet> list(ListQuery query);

    void insert(Droplet d);

    /** Writes everything but guid, created_at, app, space, organization, package, build and lifecycle. */
    void update(Droplet d);

    void delete(String guid);
}
