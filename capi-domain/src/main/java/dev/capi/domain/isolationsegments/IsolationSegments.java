package dev.capi.domain.isolationsegments;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Printable;
import dev.capi.domain.support.Transactions;
import dev.capi.model.IsolationSegment;
import dev.capi.model.Metadata;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The isolation segment use cases: list, get, create, update and (synchronous) delete. Writes are for admins only;
 * readers see every segment when they read globally, else the segments entitled to an organization they belong to.
 */
public final class IsolationSegments {
    static final String RESOURCE_TYPE = "isolation_segment";

    private final IsolationSegmentRepository repository;
    private final MetadataRepository metadataStore;
    private final Transactions tx;
    private final MetadataChanges metadata;
    private final Clock clock;
    private final Guids guids;

    public IsolationSegments(IsolationSegmentRepository repository, MetadataRepository metadataStore,
                             Transactions tx, MetadataChanges metadata, Clock clock, Guids guids) {
        this.repository = repository;
        this.metadataStore = metadataStore;
        this.tx = tx;
        this.metadata = metadata;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<IsolationSegment> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.orgVisibility())));
    }

    /** The segment if the principal may see it, else 404 "Isolation segment not found". */
    public IsolationSegment get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    IsolationSegment visible(Permissions perms, String guid) {
        return repository.find(guid).filter(s -> canRead(perms, s.guid()))
                .orElseThrow(IsolationSegments::notFound);
    }

    private boolean canRead(Permissions perms, String segmentGuid) {
        return perms.canReadGlobally()
                || repository.organizationGuids(segmentGuid).stream().anyMatch(perms::canReadOrg);
    }

    /** The reference refuses every segment write to non-admins before it looks at the request (403). */
    public void requireAdmin(Permissions perms) {
        if (!perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
    }

    /** The segment whatever the principal may see (admin-only endpoints): 404 when it does not exist. */
    public IsolationSegment existing(String guid) {
        return tx.inTransaction(() -> repository.find(guid).orElseThrow(IsolationSegments::notFound));
    }

    public IsolationSegment create(Permissions perms, IsolationSegmentCommands.Create cmd) {
        requireAdmin(perms);
        return tx.inTransaction(() -> {
            checkName(cmd.name(), null);
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var segment = new IsolationSegment(guids.next(), now, now, cmd.name(), Metadata.empty());
            repository.insert(segment);
            return segment.withMetadata(metadata.apply(segment.guid(), RESOURCE_TYPE, Metadata.empty(),
                    cmd.metadata()));
        }, IsolationSegments::nameTaken);
    }

    public IsolationSegment update(Permissions perms, String guid, IsolationSegmentCommands.Update cmd) {
        requireAdmin(perms);
        return tx.inTransaction(() -> {
            IsolationSegment segment = repository.find(guid).orElseThrow(IsolationSegments::notFound);
            if (segment.isShared()) {
                throw CfException.unprocessable("Cannot update the shared Isolation Segment");
            }
            if (repository.inUseAsDefault(guid)) {
                throw CfException.unprocessable(
                        "Cannot update Isolation Segments that are assigned as the default for an Organization or Space.");
            }
            String name = cmd.nameGiven() ? cmd.name() : segment.name();
            checkName(name, guid);
            var updated = new IsolationSegment(guid, segment.createdAt(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), name, segment.metadata());
            repository.update(updated);
            return updated.withMetadata(metadata.apply(guid, RESOURCE_TYPE, segment.metadata(), cmd.metadata()));
        }, IsolationSegments::nameTaken);
    }

    /** Deletes a segment nothing uses; the shared segment stays. */
    public void delete(Permissions perms, String guid) {
        requireAdmin(perms);
        tx.run(() -> {
            IsolationSegment segment = repository.find(guid).orElseThrow(IsolationSegments::notFound);
            if (segment.isShared()) {
                throw CfException.unprocessable("Cannot delete the " + segment.name() + " Isolation Segment");
            }
            if (!repository.spaceGuids(guid).isEmpty() || !repository.organizationGuids(guid).isEmpty()) {
                throw CfException.unprocessable("Revoke the Organization entitlements for your Isolation Segment.");
            }
            metadataStore.delete(guid);
            repository.delete(guid);
        });
    }

    /** The model's rules: printable characters only (one trailing newline tolerated), unique ignoring case. */
    private void checkName(String name, String exceptGuid) {
        if (!Printable.matches(name)) {
            throw CfException.unprocessable("Isolation Segment names can only contain non-blank unicode characters");
        }
        if (repository.nameTaken(name, exceptGuid)) {
            throw nameTaken();
        }
    }

    private static CfException nameTaken() {
        return CfException.unprocessable("Isolation Segment names are case insensitive and must be unique");
    }

    static CfException notFound() {
        return CfException.notFound("Isolation segment");
    }
}
