package dev.capi.domain.packages;

import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Visibility;
import dev.capi.model.AppPackage;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Keeps an app's newest {@link #MAX_VALID_PACKAGES} READY bits packages (the reference's
 * {@code packages.max_valid_packages_stored}); older ones become EXPIRED and lose their bits. Runs after an upload.
 */
final class PackageRetention {
    static final int MAX_VALID_PACKAGES = 5;

    private final PackageRepository repository;
    private final BlobStore blobs;
    private final Clock clock;

    PackageRetention(PackageRepository repository, BlobStore blobs, Clock clock) {
        this.repository = repository;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Expires the app's READY bits packages beyond the newest {@link #MAX_VALID_PACKAGES}, deleting their bits. */
    void expireOlderThanNewest(String appGuid) {
        var query = new ListQuery(1, 5000, new OrderBy("created_at", true, true),
                Map.of(PackageFilter.APP_GUIDS.key(), List.of(appGuid), PackageFilter.STATES.key(),
                        List.of(AppPackage.READY), PackageFilter.TYPES.key(), List.of(AppPackage.BITS)),
                List.of(), null, Visibility.everything());
        List<AppPackage> ready = repository.list(query).resources();
        for (AppPackage old : ready.subList(Math.min(MAX_VALID_PACKAGES, ready.size()), ready.size())) {
            repository.update(new AppPackage(old.guid(), old.createdAt(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                    old.appGuid(), old.spaceGuid(), old.organizationGuid(), old.type(), AppPackage.EXPIRED, null,
                    old.sha1(), old.sha256(), null, old.dockerImage(), old.dockerUsername(), old.dockerPassword(),
                    old.metadata()));
            if (old.blobKey() != null) {
                blobs.delete(old.blobKey());
            }
        }
    }
}
