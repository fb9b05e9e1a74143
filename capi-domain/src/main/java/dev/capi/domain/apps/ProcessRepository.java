package dev.capi.domain.apps;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AppProcess;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: processes (metadata and the app's space and organization loaded with them). List filters: guids, types,
 * app_guids, space_guids, organization_guids. One process per app and type.
 */
public interface ProcessRepository {
    Optional<AppProcess> find(String guid);

    Optional<AppProcess> findByType(String appGuid, String type);

    /** The processes of one app, in creation order. */
    List<AppProcess> forApp(String appGuid);

    /** The processes of several apps, in creation order (one statement). */
    List<AppProcess> forApps(Collection<String> appGuids);

    Page<AppProcess> list(ListQuery query);

    void insert(AppProcess process);

    void update(AppProcess process);

    void delete(String guid);
}
