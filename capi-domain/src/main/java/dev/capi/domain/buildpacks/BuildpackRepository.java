package dev.capi.domain.buildpacks;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Buildpack;

import java.util.Optional;

/**
 * Port: admin buildpacks (metadata loaded with them). List filters: names, stacks, lifecycle; order: position,
 * lifecycle (default lifecycle then position). Positions are kept per lifecycle by {@link BuildpackPositions}, which
 * calls {@link #shiftPositions} inside the caller's transaction.
 */
public interface BuildpackRepository {
    Optional<Buildpack> find(String guid);

    Page<Buildpack> list(ListQuery query);

    /** Whether another buildpack (not {@code exceptGuid}) has this name, stack (null: no stack) and lifecycle. */
    boolean taken(String name, String stack, String lifecycle, String exceptGuid);

    /** The highest position among the lifecycle's buildpacks (0 when there are none). */
    int lastPosition(String lifecycle);

    /** Adds {@code delta} to the positions {@code from..to} (inclusive) of the lifecycle's buildpacks. */
    void shiftPositions(String lifecycle, int from, int to, int delta);

    void insert(Buildpack buildpack);

    /** Writes every column but guid, created_at and lifecycle. */
    void update(Buildpack buildpack);

    void delete(String guid);

    /** Bits stored by an upload request, waiting for the {@code buildpack.upload} job to put them in place. */
    record PendingUpload(String blobKey, String filename, String sha256, String stack) {
    }

    void savePendingUpload(String guid, PendingUpload upload);

    /** Returns and forgets the pending upload. */
    Optional<PendingUpload> takePendingUpload(String guid);

    /** Takes the table lock that serialises position changes (the reference's "buildpacks" lock row). */
    void lockPositions();
}
