package dev.capi.tck.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The organizations and identity-provider users this run created, in creation order. */
public final class Created {
    private final Queue<String> orgs = new ConcurrentLinkedQueue<>();
    private final Queue<String> users = new ConcurrentLinkedQueue<>();

    void org(String guid) {
        orgs.add(guid);
    }

    void user(String guid) {
        users.add(guid);
    }

    public List<String> orgs() {
        return List.copyOf(orgs);
    }

    public List<String> users() {
        return List.copyOf(users);
    }
}
