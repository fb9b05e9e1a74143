package dev.capi.domain.tasks;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Task;

import java.util.Optional;

/**
 * Port: tasks (metadata loaded with them). List filters: guids, names, states, app_guids, space_guids,
 * organization_guids, sequence_ids, label_selector; order: created_at, updated_at; visibility through the space.
 */
public interface TaskRepository {
    Optional<Task> find(String guid);

    Page<Task> list(ListQuery query);

    /** The next sequence id of the app's tasks (1 for its first). */
    int nextSequenceId(String appGuid);

    void insert(Task t);

    /** Writes state, failure reason and updated_at. */
    void update(Task t);
}
