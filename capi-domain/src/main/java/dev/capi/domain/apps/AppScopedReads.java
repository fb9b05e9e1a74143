package dev.capi.domain.apps;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reading rows that belong to an app and are visible through its space (packages, droplets, builds, tasks,
 * deployments, revisions): the list (visibility in SQL), the app's list (404 "App not found" first) and one row
 * (404 "<Resource> not found" when absent or not visible).
 */
public final class AppScopedReads<T> {
    /** How to reach the rows and what they say about their space. */
    public record Rows<T>(Function<ListQuery, Page<T>> list, Function<String, Optional<T>> find,
                          Function<T, String> spaceGuid, Function<T, String> organizationGuid) {
    }

    private final Rows<T> rows;
    private final AppAccess access;
    private final Transactions tx;
    private final String notFound;

    public AppScopedReads(Rows<T> rows, AppAccess access, Transactions tx, String notFound) {
        this.rows = rows;
        this.access = access;
        this.tx = tx;
        this.notFound = notFound;
    }

    public Page<T> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> rows.list().apply(query.withVisibility(perms.spaceVisibility())));
    }

    public Page<T> listForApp(Permissions perms, String appGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            return rows.list().apply(query.withFilter("app_guids", List.of(app.guid())));
        });
    }

    public T get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    /** The row if the principal reads its space (call inside a transaction). */
    public T visible(Permissions perms, String guid) {
        return rows.find().apply(guid).filter(r -> perms.canReadSpace(rows.spaceGuid().apply(r),
                rows.organizationGuid().apply(r))).orElseThrow(() -> CfException.notFound(notFound));
    }
}
