package dev.capi.persistence.blobs;

import dev.capi.domain.blobs.BlobOwners;
import org.jdbi.v3.core.Jdbi;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which package, droplet and buildpack rows own blobs: one query per batch. */
public final class JdbiBlobOwners implements BlobOwners {
    private final Jdbi jdbi;

    public JdbiBlobOwners(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Set<String> existingPackages(Collection<String> guids) {
        return select("SELECT guid FROM packages WHERE guid IN (<values>)", guids);
    }

    @Override
    public Set<String> existingDroplets(Collection<String> guids) {
        return select("SELECT guid FROM droplets WHERE guid IN (<values>)", guids);
    }

    @Override
    public Set<String> buildpackKeys(Collection<String> keys) {
        return select("""
                SELECT blob_key FROM buildpacks WHERE blob_key IN (<values>)
                UNION SELECT pending_blob_key FROM buildpacks WHERE pending_blob_key IN (<values>)""", keys);
    }

    private Set<String> select(String sql, Collection<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery(sql).bindList("values", List.copyOf(values))
                .mapTo(String.class).list()));
    }
}
