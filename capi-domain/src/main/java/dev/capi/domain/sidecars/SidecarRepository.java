package dev.capi.domain.sidecars;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Sidecar;

import java.util.Optional;

/** Port: sidecars with their process types. List filters: app_guids, process_types (with app_guids). */
public interface SidecarRepository {
    Optional<Sidecar> find(String guid);

    Page<Sidecar> list(ListQuery query);

    boolean nameTaken(String appGuid, String name, String exceptGuid);

    void insert(Sidecar s);

    /** Writes name, command, memory, process types and updated_at. */
    void update(Sidecar s);

    void delete(String guid);
}
