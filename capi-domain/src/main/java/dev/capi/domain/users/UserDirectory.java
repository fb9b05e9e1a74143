package dev.capi.domain.users;

import java.util.List;
import java.util.Optional;

/**
 * Port: the identity provider's directory of users (the reference asks UAA), read for users the Cloud Controller
 * has not seen yet: their names when created by guid, and the guids behind usernames when roles are set by username.
 * Optional: without one, only the users table (names cached from tokens and creations) answers.
 */
public interface UserDirectory {
    /** One account of the identity provider. */
    record Entry(String guid, String username, String origin) {
    }

    Optional<Entry> find(String guid);

    /** Accounts with this username, in any origin when {@code origin} is null. */
    List<Entry> search(String username, String origin);

    /** A directory that knows nobody. */
    static UserDirectory none() {
        return new UserDirectory() {
            @Override
            public Optional<Entry> find(String guid) {
                return Optional.empty();
            }

            @Override
            public List<Entry> search(String username, String origin) {
                return List.of();
            }
        };
    }
}
