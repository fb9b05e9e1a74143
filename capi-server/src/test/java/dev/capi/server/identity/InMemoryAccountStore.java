package dev.capi.server.identity;

import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link AccountStore} in a map, with the JDBI store's matching rules (usernames case-insensitive, exact first). */
final class InMemoryAccountStore implements AccountStore {
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    @Override
    public synchronized void create(Account account) {
        if (accounts.containsKey(account.guid()) || accounts.values().stream().anyMatch(a ->
                a.username().equals(account.username()) && a.origin().equals(account.origin()))) {
            throw new IllegalStateException("duplicate account " + account.username());
        }
        accounts.put(account.guid(), account);
    }

    @Override
    public synchronized void update(Account account) {
        Account old = accounts.get(account.guid());
        if (old != null) {
            accounts.put(account.guid(), new Account(account.guid(), account.username(), account.origin(),
                    account.email(), account.passwordHash(), account.groups(), old.createdAt()));
        }
    }

    @Override
    public synchronized Optional<Account> findByGuid(String guid) {
        return Optional.ofNullable(accounts.get(guid));
    }

    @Override
    public Optional<Account> findByUsername(String username, String origin) {
        return search(username, origin).stream().findFirst();
    }

    @Override
    public synchronized List<Account> search(String username, String origin) {
        List<Account> found = new ArrayList<>();
        for (Account a : accounts.values()) {
            if (a.username().equalsIgnoreCase(username) && (origin == null || origin.equals(a.origin()))) {
                found.add(a);
            }
        }
        found.sort(Comparator.comparing(a -> a.username().equals(username) ? 0 : 1));
        return found;
    }

    @Override
    public synchronized void delete(String guid) {
        accounts.remove(guid);
    }

    @Override
    public synchronized List<Account> list() {
        return List.copyOf(accounts.values());
    }
}
