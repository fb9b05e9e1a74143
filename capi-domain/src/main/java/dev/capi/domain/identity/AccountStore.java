package dev.capi.domain.identity;

import java.util.List;
import java.util.Optional;

/** Port: the built-in identity provider's accounts. */
public interface AccountStore {
    void create(Account account);

    void update(Account account);

    Optional<Account> findByGuid(String guid);

    Optional<Account> findByUsername(String username, String origin);

    /** Accounts with this username (any origin when origin is null). */
    List<Account> search(String username, String origin);

    void delete(String guid);
}
