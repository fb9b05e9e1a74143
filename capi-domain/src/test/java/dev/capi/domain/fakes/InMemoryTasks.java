package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.tasks.TaskRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks in a map, in insertion order; lists ignore filters (the SQL is tested in persistence). */
public final class InMemoryTasks implements TaskRepository {
    private final Map<String, Task> rows = new LinkedHashMap<>();

    @Override
    public Optional<Task> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Page<Task> list(ListQuery query) {
        return new Page<>(List.copyOf(rows.values()), rows.size());
    }

    @Override
    public int nextSequenceId(String appGuid) {
        return (int) rows.values().stream().filter(t -> t.appGuid().equals(appGuid)).count() + 1;
    }

    @Override
    public void insert(Task t) {
        rows.put(t.guid(), t.withMetadata(Metadata.empty()));
    }

    @Override
    public void update(Task t) {
        rows.put(t.guid(), t.withMetadata(Metadata.empty()));
    }
}
