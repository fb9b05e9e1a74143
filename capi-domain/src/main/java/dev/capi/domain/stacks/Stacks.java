package dev.capi.domain.stacks;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.Metadata;
import dev.capi.model.Stack;
import dev.capi.model.StackState;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stack use cases: every signed-in user reads stacks; only admins create, update and delete them. */
public final class Stacks {
    private final StackRepository repository;
    private final Transactions tx;
    private final AuditEvents audit;
    private final MetadataChanges metadata;
    private final Clock clock;
    private final Guids guids;
    private final StackUsage usage;

    public Stacks(StackRepository repository, Transactions tx, AuditEvents audit, MetadataChanges metadata,
                  Clock clock, Guids guids, StackUsage usage) {
        this.usage = usage;
        this.repository = repository;
        this.tx = tx;
        this.audit = audit;
        this.metadata = metadata;
        this.clock = clock;
        this.guids = guids;
    }

    /** Creates the configured stacks that do not exist yet and marks the default one; never changes existing ones. */
    public void seed(List<StackDefinition> definitions, String defaultStack) {
        tx.run(() -> {
            for (StackDefinition d : definitions) {
                if (repository.findByName(d.name()).isEmpty()) {
                    insert(d.name(), d.description(), null, null, d.state(), null);
                }
            }
            if (defaultStack != null) {
                repository.findByName(defaultStack).ifPresent(s -> repository.makeDefault(s.guid()));
            }
        });
    }

    public Page<Stack> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query));
    }

    public Stack get(Permissions perms, String guid) {
        return tx.inTransaction(() -> find(guid));
    }

    private Stack find(String guid) {
        return repository.find(guid).orElseThrow(() -> CfException.notFound("Stack"));
    }

    public Stack create(Permissions perms, StackCommands.Create cmd) {
        requireAdmin(perms);
        return tx.inTransaction(() -> {
            if (repository.findByName(cmd.name()).isPresent()) {
                throw CfException.unprocessable("Name must be unique");
            }
            Stack stack = insert(cmd.name(), cmd.description(), cmd.buildRootfsImage(), cmd.runRootfsImage(),
                    cmd.state() != null ? cmd.state() : StackState.ACTIVE, cmd.stateReason());
            Stack stored = stack.withMetadata(metadata.apply(stack.guid(), "stack", Metadata.empty(), cmd.metadata()));
            audit.record("audit.stack.create", perms.principal(), target(stored), null, null,
                    Map.of("request", request(cmd.name(), cmd.state(), cmd.metadata() != null)));
            return stored;
        });
    }

    private Stack insert(String name, String description, String build, String run, StackState state, String reason) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Stack stack = new Stack(guids.next(), now, now, name, description, build, run, false, state, reason,
                Metadata.empty());
        repository.insert(stack);
        return stack;
    }

    public Stack update(Permissions perms, String guid, StackCommands.Update cmd) {
        return tx.inTransaction(() -> {
            Stack stack = find(guid);
            requireAdmin(perms);
            var updated = new Stack(stack.guid(), stack.createdAt(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                    stack.name(), stack.description(), stack.buildRootfsImage(), stack.runRootfsImage(),
                    stack.isDefault(), cmd.state() != null ? cmd.state() : stack.state(),
                    cmd.stateReasonGiven() ? cmd.stateReason() : stack.stateReason(), stack.metadata());
            repository.update(updated);
            Stack result = updated.withMetadata(metadata.apply(guid, "stack", stack.metadata(), cmd.metadata()));
            audit.record("audit.stack.update", perms.principal(), target(result), null, null,
                    Map.of("request", request(null, cmd.state(), cmd.metadata() != null)));
            return result;
        });
    }

    public void delete(Permissions perms, String guid) {
        tx.run(() -> {
            Stack stack = find(guid);
            requireAdmin(perms);
            if (usage.inUse(stack.name())) {
                throw CfException.unprocessable("Cannot delete stack '" + stack.name()
                        + "' because apps are currently using the stack.");
            }
            repository.delete(guid);
            audit.record("audit.stack.delete", perms.principal(), target(stack), null, null, Map.of());
        });
    }

    private static void requireAdmin(Permissions perms) {
        if (!perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
    }

    private static AuditEvent.Target target(Stack stack) {
        return new AuditEvent.Target(stack.guid(), "stack", stack.name());
    }

    private static Map<String, Object> request(String name, StackState state, boolean metadataGiven) {
        var m = new LinkedHashMap<String, Object>();
        if (name != null) {
            m.put("name", name);
        }
        if (state != null) {
            m.put("state", state.name());
        }
        if (metadataGiven) {
            m.put("metadata", "[PRIVATE DATA HIDDEN]");
        }
        return m;
    }
}
