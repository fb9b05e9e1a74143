package dev.capi.server.identity;

import dev.capi.domain.identity.AccountStore;
import dev.capi.domain.users.UserDirectory;

import java.util.List;
import java.util.Optional;

/** The built-in identity provider's accounts as the domain's {@link UserDirectory} (the reference's UAA lookups). */
public final class AccountDirectory implements UserDirectory {
    private final AccountStore accounts;

    public AccountDirectory(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Entry> find(String guid) {
        return accounts.findByGuid(guid).map(a -> new Entry(a.guid(), a.username(), a.origin()));
    }

    @Override
    public List<Entry> search(String username, String origin) {
        return accounts.search(username, origin).stream().map(a -> new Entry(a.guid(), a.username(), a.origin()))
                .toList();
    }
}
