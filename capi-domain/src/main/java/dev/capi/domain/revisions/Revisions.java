package dev.capi.domain.revisions;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.Revision;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Revisions: read by the app's space readers (environment variables by secret readers), and written by deployments
 * when the droplet, environment variables or commands changed since the latest one ({@link #record}).
 */
public final class Revisions {
    static final String NOT_FOUND = "Revision";

    private final RevisionRepository repository;
    private final AppAccess access;
    private final MetadataChanges metadata;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;

    public Revisions(RevisionRepository repository, AppAccess access, MetadataChanges metadata, Transactions tx,
                     Clock clock, Guids guids) {
        this.repository = repository;
        this.access = access;
        this.metadata = metadata;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<Revision> listForApp(Permissions perms, String appGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            return repository.list(query.withFilter(RevisionFilter.APP_GUIDS.key(), List.of(app.guid())));
        });
    }

    public Page<Revision> deployed(Permissions perms, String appGuid, ListQuery query) {
        return tx.inTransaction(() -> repository.deployedForApp(access.visible(perms, appGuid).guid(), query));
    }

    public Revision get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    private Revision visible(Permissions perms, String guid) {
        return repository.find(guid).filter(r -> perms.canReadSpace(r.spaceGuid(), r.organizationGuid()))
                .orElseThrow(() -> CfException.notFound(NOT_FOUND));
    }

    /** {@code /v3/revisions/:guid/environment_variables}: secret readers only (403 for other readers). */
    public Revision environmentVariables(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            Revision r = visible(perms, guid);
            if (!perms.canReadSecretsInSpace(r.spaceGuid())) {
                throw CfException.notAuthorized();
            }
            return r;
        });
    }

    public Revision update(Permissions perms, String guid, MetadataUpdate meta) {
        return tx.inTransaction(() -> {
            Revision r = visible(perms, guid);
            access.requireWriter(perms, access.existing(r.appGuid()));
            repository.touch(guid, now());
            return r.withMetadata(metadata.apply(guid, "revision", r.metadata(), meta));
        });
    }

    /**
     * The revision an app now runs (inside the caller's transaction): a new one, described as the reference does,
     * when the droplet, environment variables or commands changed; the latest one otherwise; none when the app's
     * {@code revisions} feature is off.
     */
    public Optional<Revision> record(App app, String dropletGuid, Map<String, String> commands) {
        if (!app.features().revisions()) {
            return Optional.empty();
        }
        Optional<Revision> latest = repository.latestForApp(app.guid());
        List<String> reasons = new ArrayList<>();
        if (latest.isEmpty()) {
            reasons.add("Initial revision.");
        } else {
            Revision l = latest.get();
            if (!Objects.equals(l.dropletGuid(), dropletGuid)) {
                reasons.add("New droplet deployed.");
            }
            if (!l.environmentVariables().equals(app.environmentVariables())) {
                reasons.add("New environment variables deployed.");
            }
            if (!l.processCommands().equals(commands)) {
                reasons.add("Custom start command updated.");
            }
            if (reasons.isEmpty()) {
                return latest;
            }
        }
        Instant now = now();
        var r = new Revision(guids.next(), now, now, app.guid(), app.spaceGuid(), app.organizationGuid(),
                latest.map(x -> x.version() + 1).orElse(1), dropletGuid, app.environmentVariables(), commands,
                String.join(" ", reasons), true, Metadata.empty());
        repository.insert(r);
        return Optional.of(r);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
