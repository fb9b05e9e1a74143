package dev.capi.domain.fakes;

import dev.capi.domain.users.UserDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link UserDirectory} in a list: the identity provider's accounts a test declares. */
public final class InMemoryUserDirectory implements UserDirectory {
    private final List<Entry> entries = new ArrayList<>();

    public InMemoryUserDirectory add(String guid, String username, String origin) {
        entries.add(new Entry(guid, username, origin));
        return this;
    }

    @Override
    public Optional<Entry> find(String guid) {
        return entries.stream().filter(e -> e.guid().equals(guid)).findFirst();
    }

    @Override
    public List<Entry> search(String username, String origin) {
        return entries.stream().filter(e -> e.username().equals(username)
                && (origin == null || origin.equals(e.origin()))).toList();
    }
}
