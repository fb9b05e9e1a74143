package dev.capi.persistence.metadata;

import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.model.Metadata;
import org.jdbi.v3.core.Jdbi;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Labels and annotations in two tables keyed by resource guid; a page's metadata is read in one statement. */
public final class JdbiMetadataRepository implements MetadataRepository {
    private final Jdbi jdbi;

    public JdbiMetadataRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Metadata load(String resourceGuid) {
        return loadAll(List.of(resourceGuid)).get(resourceGuid);
    }

    @Override
    public Map<String, Metadata> loadAll(Collection<String> guids) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        Map<String, Map<String, String>> annotations = new HashMap<>();
        if (!guids.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT 'l' AS kind, id, resource_guid, key_prefix, key_name, label_value AS val FROM labels
                             WHERE resource_guid IN (<guids>)
                            UNION ALL
                            SELECT 'a' AS kind, id, resource_guid, key_prefix, key_name, annotation_value AS val FROM annotations
                             WHERE resource_guid IN (<guids>)
                            ORDER BY kind, id""")
                    .bindList("guids", List.copyOf(guids))
                    .map((rs, ctx) -> {
                        var target = "l".equals(rs.getString("kind")) ? labels : annotations;
                        String prefix = rs.getString("key_prefix");
                        String key = prefix.isEmpty() ? rs.getString("key_name") : prefix + "/" + rs.getString("key_name");
                        String value = rs.getString("val");
                        target.computeIfAbsent(rs.getString("resource_guid"), g -> new LinkedHashMap<>())
                                .put(key, value == null ? "" : value);
                        return 0;
                    }).list());
        }
        Map<String, Metadata> result = new HashMap<>();
        for (String guid : guids) {
            result.put(guid, new Metadata(labels.getOrDefault(guid, Map.of()), annotations.getOrDefault(guid, Map.of())));
        }
        return result;
    }

    @Override
    public void replace(String resourceGuid, String resourceType, Metadata metadata) {
        jdbi.useHandle(h -> {
            delete(resourceGuid);
            insertAll(h, "labels", resourceGuid, resourceType, metadata.labels());
            insertAll(h, "annotations", resourceGuid, resourceType, metadata.annotations());
        });
    }

    private static void insertAll(org.jdbi.v3.core.Handle h, String table, String guid, String type,
                                  Map<String, String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO " + table
                + " (resource_guid, resource_type, key_prefix, key_name, " + valueColumn(table)
                + ") VALUES (:g, :t, :p, :n, :v)");
        entries.forEach((key, value) -> {
            int slash = key.indexOf('/');
            batch.bind("g", guid).bind("t", type)
                    .bind("p", slash < 0 ? "" : key.substring(0, slash))
                    .bind("n", slash < 0 ? key : key.substring(slash + 1))
                    .bind("v", value).add();
        });
        batch.execute();
    }

    private static String valueColumn(String table) {
        return "labels".equals(table) ? "label_value" : "annotation_value";
    }

    @Override
    public void delete(String resourceGuid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM labels WHERE resource_guid = ?", resourceGuid);
            h.execute("DELETE FROM annotations WHERE resource_guid = ?", resourceGuid);
        });
    }
}
