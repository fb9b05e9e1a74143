package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.stacks.StackRepository;
import dev.capi.model.Stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stacks in a map; lists apply only the {@code default} filter. */
public final class InMemoryStacks implements StackRepository {
    private final Map<String, Stack> rows = new LinkedHashMap<>();

    @Override
    public Optional<Stack> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Optional<Stack> findByName(String name) {
        return rows.values().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public Page<Stack> list(ListQuery query) {
        boolean onlyDefault = query.filter("default") != null;
        List<Stack> matching = rows.values().stream().filter(s -> !onlyDefault || s.isDefault()).toList();
        return new Page<>(matching, matching.size());
    }

    @Override
    public void insert(Stack stack) {
        rows.put(stack.guid(), stack);
    }

    @Override
    public void update(Stack stack) {
        rows.put(stack.guid(), stack);
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }

    @Override
    public void makeDefault(String guid) {
    }
}
