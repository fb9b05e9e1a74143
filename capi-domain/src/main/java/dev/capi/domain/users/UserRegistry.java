package dev.capi.domain.users;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Metadata;
import dev.capi.model.User;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Creates the Cloud Controller user row of a token's principal on first sight, as the reference does. */
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
        return tx.inTransaction(() -> users.find(principal.userGuid()).orElseGet(() -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var user = new User(principal.userGuid(), now, now, principal.userName(), principal.userName(),
                    principal.origin(), Metadata.empty());
            users.insert(user);
            return user;
        }));
    }
}
