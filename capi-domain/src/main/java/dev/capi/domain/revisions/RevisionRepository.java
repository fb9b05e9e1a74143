package dev.capi.domain.revisions;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Revision;

import java.util.Optional;

/** Port: revisions. List filters: guids, app_guids, versions, label_selector; visibility through the space. */
public interface RevisionRepository {
    Optional<Revision> find(String guid);

    Optional<Revision> latestForApp(String appGuid);

    Page<Revision> list(ListQuery query);

    /** Revisions the app's processes currently run. */
    Page<Revision> deployedForApp(String appGuid, ListQuery query);

    void insert(Revision r);

    void touch(String guid, java.time.Instant at);
}
