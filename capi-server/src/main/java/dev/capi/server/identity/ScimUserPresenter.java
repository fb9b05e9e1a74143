package dev.capi.server.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.identity.Account;
import dev.capi.rest.v3.support.JsonSupport;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;

/** SCIM 1.0 JSON for accounts: one user, its id entry ({@code /ids/Users}), and a list document. */
final class ScimUserPresenter {
    private static final String SCHEMA = "urn:scim:schemas:core:1.0";

    private ScimUserPresenter() {
    }

    static ObjectNode user(Account a) {
        ObjectNode user = JsonSupport.object();
        user.put("id", a.guid());
        user.put("externalId", "");
        String created = DateTimeFormatter.ISO_INSTANT.format(a.createdAt());
        user.putObject("meta").put("version", 0).put("created", created).put("lastModified", created);
        user.put("userName", a.username());
        user.putObject("name");
        user.putArray("emails").addObject().put("value", a.email() == null ? a.username() : a.email())
                .put("primary", true);
        var groups = user.putArray("groups");
        new TreeSet<>(a.groups()).forEach(g -> groups.addObject().put("value", g).put("display", g)
                .put("type", "DIRECT"));
        user.putArray("approvals");
        user.put("active", true);
        user.put("verified", true);
        user.put("origin", a.origin());
        user.put("zoneId", "uaa");
        user.putArray("schemas").add(SCHEMA);
        return user;
    }

    /** The list document: full users, or only {@code id}, {@code userName} and {@code origin} when {@code idsOnly}. */
    static ObjectNode list(List<Account> matches, boolean idsOnly) {
        ObjectNode body = JsonSupport.object();
        var resources = body.putArray("resources");
        for (Account a : matches) {
            if (idsOnly) {
                resources.addObject().put("id", a.guid()).put("userName", a.username()).put("origin", a.origin());
            } else {
                resources.add(user(a));
            }
        }
        body.put("startIndex", 1);
        body.put("itemsPerPage", Math.max(100, matches.size()));
        body.put("totalResults", matches.size());
        body.putArray("schemas").add(SCHEMA);
        return body;
    }
}
