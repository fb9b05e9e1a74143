package dev.capi.domain.locks;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Lock;

import java.util.Optional;

/** Port: locks. List filters: guids, app_guids, space_guids, organization_guids; visibility through the space. */
public interface LockRepository {
    Optional<Lock> find(String guid);

    Page<Lock> list(ListQuery query);

    boolean anyOnApp(String appGuid);

    void insert(Lock lock);

    void update(Lock lock);

    void delete(String guid);

    void deleteForSpace(String spaceGuid);
}
