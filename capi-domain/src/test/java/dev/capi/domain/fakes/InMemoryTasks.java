package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.tasks.TaskRepository;
import dev.capi.model.Task;

import java.util.Map;
import java.util.Optional;

/** Tasks in a map; lists filter by app and state. */
public final class InMemoryTasks implements TaskRepository {
    private final InMemoryRows<Task> rows = new InMemoryRows<>(Task::guid, Map.of(
            "app_guids", Task::appGuid, "states", Task::state));

    @Override
    public Optional<Task> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<Task> list(ListQuery query) {
        return rows.list(query);
    }

    @Override
    public int nextSequenceId(String appGuid) {
        return 1 + rows.all().stream().filter(t -> t.appGuid().equals(appGuid)).mapToInt(Task::sequenceId).max()
                .orElse(0);
    }

    @Override
    public void insert(Task t) {
        rows.put(t);
    }

    @Override
    public void update(Task t) {
        rows.put(t);
    }
}
