package dev.capi.domain.users;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Metadata;
import dev.capi.model.User;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Creates the Cloud Controller user row of a token's principal on first sight, as the reference does, and keeps
 * the row's username and origin (the cache that username filters and roles by username read) in step with the
 * token: a user created by guid alone learns its name at its first request.
 */
public final class UserRegistry {
    private final UserRepository users;
    private final Transactions tx;
    private final Clock clock;

    public UserRegistry(UserRepository users, Transactions tx, Clock clock) {
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    public User ensure(Principal principal) {
        return tx.inTransaction(() -> users.find(principal.userGuid()).map(u -> refresh(u, principal)).orElseGet(() -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var user = new User(principal.userGuid(), now, now, principal.userName(), principal.userName(),
                    principal.origin(), Metadata.empty());
            users.insert(user);
            return user;
        }));
    }

    private User refresh(User user, Principal principal) {
        if (principal.userName() == null || (Objects.equals(user.username(), principal.userName())
                && Objects.equals(user.origin(), principal.origin()))) {
            return user;
        }
        var updated = new User(user.guid(), user.createdAt(), user.updatedAt(), principal.userName(),
                principal.userName(), principal.origin(), user.metadata());
        users.update(updated);
        return updated;
    }
}
