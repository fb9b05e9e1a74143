package dev.capi.domain.users;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.User;

import java.util.List;
import java.util.Optional;

/**
 * Port: Cloud Controller users. List filters: guids, usernames, partial_usernames, origins; the special filters
 * {@code in_organization} / {@code in_space} (one guid) restrict to users holding a role there, and
 * {@code shares_org_with} (one user guid) to users sharing any organization with that user, plus that user.
 */
public interface UserRepository {
    Optional<User> find(String guid);

    List<User> findByUsername(String username, String origin);

    Page<User> list(ListQuery query);

    void insert(User user);

    void update(User user);

    void delete(String guid);
}
