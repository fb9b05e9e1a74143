package dev.capi.domain.users;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.User;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: Cloud Controller users (metadata loaded with them). List filters: guids, usernames, partial_usernames
 * (case-insensitive substrings), origins; the special filters {@code in_organization} / {@code in_space} (one guid)
 * restrict to users holding an organization role in that organization / a space role in that space, and
 * {@code shares_org_with} (one user guid) to users holding an organization role in an organization where that user
 * holds one, plus that user. The query's visibility must be "everything" (users have no org or space of their own).
 */
public interface UserRepository {
    Optional<User> find(String guid);

    /** The users with these guids (one query, metadata attached), in creation order. */
    List<User> findAll(Collection<String> guids);

    /** Users with this username, in any origin when {@code origin} is null, in creation order. */
    List<User> findByUsername(String username, String origin);

    Page<User> list(ListQuery query);

    void insert(User user);

    void update(User user);

    void delete(String guid);
}
