package dev.capi.domain.manifests;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: the manifests an {@code apply_manifest} request accepted, kept for the job that applies them. */
public interface ManifestStore {
    /** Who asked: the job applies the manifest with their permissions and in their name. */
    record Requester(String userGuid, String userName, String origin, String clientId, Set<String> scopes) {
    }

    record Stored(String spaceGuid, Requester requester, List<AppManifest> applications) {
    }

    void save(String jobGuid, Stored manifest);

    Optional<Stored> load(String jobGuid);

    void delete(String jobGuid);
}
