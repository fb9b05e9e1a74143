package dev.capi.domain.droplets;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Visibility;
import dev.capi.model.App;
import dev.capi.model.Droplet;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Keeps an app's newest {@link #MAX_STAGED} STAGED droplets (the reference's {@code droplets.max_staged_droplets_stored})
 * and the current one; older ones become EXPIRED and lose their bits. Runs whenever a droplet becomes STAGED.
 */
public final class DropletRetention {
    static final int MAX_STAGED = 5;

    private final DropletRepository droplets;
    private final AppRepository apps;
    private final BlobStore blobs;
    private final Clock clock;

    public DropletRetention(DropletRepository droplets, AppRepository apps, BlobStore blobs, Clock clock) {
        this.droplets = droplets;
        this.apps = apps;
        this.blobs = blobs;
        this.clock = clock;
    }

    public void expireOld(String appGuid) {
        String current = apps.find(appGuid).map(App::dropletGuid).orElse(null);
        var query = new ListQuery(1, 5000, new OrderBy("created_at", true, true),
                Map.of(DropletFilter.APP_GUIDS.key(), List.of(appGuid), DropletFilter.STATES.key(),
                        List.of(Droplet.STAGED)), List.of(), null,
                Visibility.everything());
        List<Droplet> staged = droplets.list(query).resources().stream()
                .filter(d -> !d.guid().equals(current)).toList();
        int keep = current == null ? MAX_STAGED : MAX_STAGED - 1;
        for (Droplet old : staged.subList(Math.min(Math.max(keep, 0), staged.size()), staged.size())) {
            droplets.update(old.withBits(old.sha1(), old.sha256(), null, clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .withState(Droplet.EXPIRED, null, clock.instant().truncatedTo(ChronoUnit.MICROS)));
            if (old.blobKey() != null) {
                blobs.delete(old.blobKey());
            }
        }
    }
}
