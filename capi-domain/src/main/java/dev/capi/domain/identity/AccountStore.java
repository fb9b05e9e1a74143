package dev.capi.domain.identity;

import java.util.List;
import java.util.Optional;

/**
 * Port: the built-in identity provider's accounts. Usernames match case-insensitively, as UAA's SCIM
 * {@code userName} does (an exact-case match is preferred); origins match exactly. Password hashing is not the
 * store's business: it keeps whatever {@link Account#passwordHash()} holds.
 */
public interface AccountStore {
    /** Stores a new account; fails when its guid or its (username, origin) pair is taken. */
    void create(Account account);

    /** Replaces username, origin, email, password hash and groups of the account with this guid. */
    void update(Account account);

    Optional<Account> findByGuid(String guid);

    /** The account with this username in this origin. */
    Optional<Account> findByUsername(String username, String origin);

    /** Accounts with exactly this username (any origin when origin is null), oldest first. */
    List<Account> search(String username, String origin);

    /** Removes the account; nothing happens when there is none. */
    void delete(String guid);

    /** Every account, oldest first. */
    List<Account> list();
}
