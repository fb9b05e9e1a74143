package dev.capi.persistence.apps;

import dev.capi.domain.apps.AppContents;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** An app's packages, droplets, builds, tasks, sidecars, deployments and revisions, deleted in a few statements. */
public final class JdbiAppContents implements AppContents {
    private static final List<String> OWNED = List.of("packages", "droplets", "builds", "tasks", "sidecars",
            "deployments", "revisions");

    private final Jdbi jdbi;

    public JdbiAppContents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<String> blobKeys(String appGuid) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT blob_key FROM packages WHERE app_guid = :a AND blob_key IS NOT NULL
                        UNION ALL SELECT blob_key FROM droplets WHERE app_guid = :a AND blob_key IS NOT NULL""")
                .bind("a", appGuid).mapTo(String.class).list());
    }

    @Override
    public void deleteAll(String appGuid) {
        jdbi.useHandle(h -> {
            for (String table : OWNED) {
                for (String metadata : List.of("labels", "annotations")) {
                    h.execute("DELETE FROM " + metadata + " WHERE resource_guid IN (SELECT guid FROM " + table
                            + " WHERE app_guid = ?)", appGuid);
                }
            }
            h.execute("DELETE FROM sidecar_process_types WHERE app_guid = ?", appGuid);
            for (String table : OWNED) {
                h.execute("DELETE FROM " + table + " WHERE app_guid = ?", appGuid);
            }
        });
    }
}
