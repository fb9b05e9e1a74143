package dev.capi.domain.apps;

import java.util.List;

/**
 * Port: the rows an app owns beyond itself and its processes (packages, droplets, builds, tasks, sidecars,
 * deployments, revisions, with their metadata), removed with the app.
 */
public interface AppContents {
    /** The blobstore keys of the app's packages and droplets. */
    List<String> blobKeys(String appGuid);

    void deleteAll(String appGuid);

    static AppContents none() {
        return new AppContents() {
            @Override
            public List<String> blobKeys(String appGuid) {
                return List.of();
            }

            @Override
            public void deleteAll(String appGuid) {
            }
        };
    }
}
