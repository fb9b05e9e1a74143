package dev.capi.domain.stacks;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Stack;

import java.util.Optional;

/** Port: stacks (metadata loaded with them). List filters: guids, names, default; order: name. */
public interface StackRepository {
    Optional<Stack> find(String guid);

    Optional<Stack> findByName(String name);

    Page<Stack> list(ListQuery query);

    void insert(Stack stack);

    void update(Stack stack);

    void delete(String guid);

    /** Marks exactly this stack as the default one. */
    void makeDefault(String guid);
}
