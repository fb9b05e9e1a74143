package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.users.UserRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Role;
import dev.capi.model.User;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link UserRepository} in a map (creation order) that answers the list filters like the SQL one, including
 * {@code in_organization}, {@code in_space} and {@code shares_org_with}, read from an {@link InMemoryRoleRepository}.
 */
public final class InMemoryUserRepository implements UserRepository {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, User> users = new LinkedHashMap<>();
    private final InMemoryRoleRepository roles;

    public InMemoryUserRepository(InMemoryRoleRepository roles) {
        this.roles = roles;
    }

    /** Adds a user (a test fixture). */
    public User add(String guid, String username, String origin) {
        User user = new User(guid, T0.plusSeconds(users.size()), T0, username, username, origin, Metadata.empty());
        users.put(guid, user);
        return user;
    }

    public List<User> all() {
        return List.copyOf(users.values());
    }

    @Override
    public Optional<User> find(String guid) {
        return Optional.ofNullable(users.get(guid));
    }

    @Override
    public List<User> findAll(Collection<String> guids) {
        return users.values().stream().filter(u -> guids.contains(u.guid())).toList();
    }

    @Override
    public List<User> findByUsername(String username, String origin) {
        return users.values().stream().filter(u -> username.equals(u.username())
                && (origin == null || origin.equals(u.origin()))).toList();
    }

    @Override
    public Page<User> list(ListQuery query) {
        List<User> matching = users.values().stream().filter(u -> matches(u, query)).toList();
        int from = (int) Math.min(matching.size(), (query.page() - 1) * query.perPage());
        int to = Math.min(matching.size(), from + query.perPage());
        return new Page<>(matching.subList(from, to), matching.size());
    }

    private boolean matches(User u, ListQuery q) {
        return in(q, "guids", u.guid()) && in(q, "usernames", u.username()) && in(q, "origins", u.origin())
                && (q.filter("partial_usernames") == null || u.username() != null && q.filter("partial_usernames")
                .stream().anyMatch(p -> u.username().toLowerCase().contains(p.toLowerCase())))
                && (q.filter("in_organization") == null || orgRoles(u.guid()).stream()
                .anyMatch(r -> r.organizationGuid().equals(q.filter("in_organization").get(0))))
                && (q.filter("in_space") == null || roles.forUser(u.guid()).stream()
                .anyMatch(r -> q.filter("in_space").get(0).equals(r.spaceGuid())))
                && (q.filter("shares_org_with") == null || sharesOrg(u.guid(), q.filter("shares_org_with").get(0)));
    }

    private static boolean in(ListQuery q, String key, String value) {
        return q.filter(key) == null || q.filter(key).contains(value);
    }

    private List<Role> orgRoles(String user) {
        return roles.forUser(user).stream().filter(r -> !r.type().isSpaceRole()).toList();
    }

    private boolean sharesOrg(String user, String viewer) {
        Set<String> mine = orgRoles(viewer).stream().map(Role::organizationGuid).collect(Collectors.toSet());
        return user.equals(viewer) || orgRoles(user).stream().anyMatch(r -> mine.contains(r.organizationGuid()));
    }

    @Override
    public void insert(User user) {
        if (users.containsKey(user.guid())) {
            throw new IllegalStateException("duplicate user " + user.guid());
        }
        users.put(user.guid(), user);
    }

    @Override
    public void update(User user) {
        users.put(user.guid(), Objects.requireNonNull(user));
    }

    @Override
    public void delete(String guid) {
        users.remove(guid);
    }
}
