package dev.capi.persistence.manifests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.manifests.ManifestStore;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/** Accepted manifests in the {@code manifest_jobs} table, as JSON, keyed by the job that applies them. */
public final class JdbiManifestStore implements ManifestStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Jdbi jdbi;

    public JdbiManifestStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(String jobGuid, Stored manifest) {
        String body;
        try {
            body = JSON.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the manifest: " + e.getMessage(), e);
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO manifest_jobs (job_guid, body) VALUES (:g, :b)")
                .bind("g", jobGuid).bind("b", body).execute());
    }

    @Override
    public Optional<Stored> load(String jobGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT body FROM manifest_jobs WHERE job_guid = :g")
                .bind("g", jobGuid).mapTo(String.class).findOne()).map(body -> {
                    try {
                        return JSON.readValue(body, Stored.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Cannot read the stored manifest: " + e.getMessage(), e);
                    }
                });
    }

    @Override
    public void delete(String jobGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM manifest_jobs WHERE job_guid = ?", jobGuid));
    }
}
