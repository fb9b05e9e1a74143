package dev.capi.domain.sidecars;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.Sidecar;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The sidecar use cases: the app's space readers list and read them; space developers create, update and delete them
 * (unique names per app; memory below each dependent process's).
 */
public final class Sidecars {
    static final String NOT_FOUND = "Sidecar";

    private final SidecarRepository repository;
    private final ProcessRepository processes;
    private final AppAccess access;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;

    public Sidecars(SidecarRepository repository, ProcessRepository processes, AppAccess access, Transactions tx,
                    Clock clock, Guids guids) {
        this.repository = repository;
        this.processes = processes;
        this.access = access;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
    }

    /** Create or update: null fields are unchanged on update. */
    public record Command(String name, String command, List<String> processTypes, Long memoryInMb) {
    }

    public Page<Sidecar> listForApp(Permissions perms, String appGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            return repository.list(query.withFilter(SidecarFilter.APP_GUIDS.key(), List.of(app.guid())));
        });
    }

    public Page<Sidecar> listForProcess(Permissions perms, String processGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            AppProcess p = processes.find(processGuid)
                    .filter(x -> perms.canReadSpace(x.spaceGuid(), x.organizationGuid()))
                    .orElseThrow(() -> CfException.notFound("Process"));
            return repository.list(query.withFilter(SidecarFilter.APP_GUIDS.key(), List.of(p.appGuid()))
                    .withFilter(SidecarFilter.PROCESS_TYPES.key(), List.of(p.type())));
        });
    }

    public Sidecar get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    private Sidecar visible(Permissions perms, String guid) {
        return repository.find(guid).filter(s -> perms.canReadSpace(s.spaceGuid(), s.organizationGuid()))
                .orElseThrow(() -> CfException.notFound(NOT_FOUND));
    }

    public Sidecar create(Permissions perms, String appGuid, Command cmd) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            access.requireWriter(perms, app);
            requireFits(app.guid(), cmd.processTypes(), cmd.memoryInMb());
            requireUniqueName(app.guid(), cmd.name(), null);
            Instant now = now();
            var s = new Sidecar(guids.next(), now, now, app.guid(), app.spaceGuid(), app.organizationGuid(),
                    cmd.name(), cmd.command(), cmd.processTypes(), cmd.memoryInMb(), "user");
            repository.insert(s);
            return s;
        });
    }

    public Sidecar update(Permissions perms, String guid, Command cmd) {
        return tx.inTransaction(() -> {
            Sidecar s = visible(perms, guid);
            access.requireWriter(perms, access.existing(s.appGuid()));
            List<String> types = cmd.processTypes() != null ? cmd.processTypes() : s.processTypes();
            Long memory = cmd.memoryInMb() != null ? cmd.memoryInMb() : s.memoryInMb();
            requireFits(s.appGuid(), types, memory);
            String name = cmd.name() != null ? cmd.name() : s.name();
            requireUniqueName(s.appGuid(), name, s.guid());
            var updated = new Sidecar(s.guid(), s.createdAt(), now(), s.appGuid(), s.spaceGuid(),
                    s.organizationGuid(), name, cmd.command() != null ? cmd.command() : s.command(), types, memory,
                    s.origin());
            repository.update(updated);
            return updated;
        });
    }

    public void delete(Permissions perms, String guid) {
        tx.run(() -> {
            Sidecar s = visible(perms, guid);
            access.requireWriter(perms, access.existing(s.appGuid()));
            repository.delete(s.guid());
        });
    }

    private void requireUniqueName(String appGuid, String name, String exceptGuid) {
        if (repository.nameTaken(appGuid, name, exceptGuid)) {
            throw CfException.unprocessable("Sidecar with name '" + name + "' already exists for given app");
        }
    }

    /** The reference's policy: a sidecar's memory must stay below each dependent process's memory. */
    private void requireFits(String appGuid, List<String> types, Long memoryInMb) {
        if (memoryInMb == null) {
            return;
        }
        for (AppProcess p : processes.forApp(appGuid)) {
            if (types.contains(p.type()) && memoryInMb >= p.memoryInMb()) {
                throw CfException.unprocessable("The memory allocation defined is too large to run with the "
                        + "dependent \"" + p.type() + "\" process");
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
