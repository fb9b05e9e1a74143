package dev.capi.domain.securitygroups;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Printable;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Job;
import dev.capi.model.Organization;
import dev.capi.model.SecurityGroup;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The security group use cases: list, get, create, update, (asynchronous) delete, the spaces' running and staging
 * lists, seeding from configuration, and the time of the latest change (which platform components poll). Every
 * change renews that time in its own transaction. Bound spaces the principal cannot read are left out of answers.
 */
public final class SecurityGroups {
    public static final String DELETE_JOB = "security_group.delete";

    private final SecurityGroupRepository repository;
    private final SpaceRepository spaces;
    private final OrganizationRepository organizations;
    private final Transactions tx;
    private final Jobs jobs;
    private final Clock clock;
    private final Guids guids;
    private final SecurityGroupRules rules;

    public SecurityGroups(SecurityGroupRepository repository, SpaceRepository spaces,
                          OrganizationRepository organizations, Transactions tx, Jobs jobs, Clock clock, Guids guids,
                          SecurityGroupRules rules) {
        this.repository = repository;
        this.spaces = spaces;
        this.organizations = organizations;
        this.tx = tx;
        this.jobs = jobs;
        this.clock = clock;
        this.guids = guids;
        this.rules = rules;
    }

    /** The rule checks of this installation (IPv6 and comma lists as configured), for the request messages. */
    public SecurityGroupRules rules() {
        return rules;
    }

    public Page<SecurityGroup> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> {
            Page<SecurityGroup> page = repository.list(query.withVisibility(perms.spaceVisibility()));
            return page.map(readableSpacesOnly(perms, page.resources()));
        });
    }

    /** The group if the principal may see it, else 404 "Security group not found". */
    public SecurityGroup get(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            SecurityGroup group = visible(perms, guid);
            return readableSpacesOnly(perms, List.of(group)).apply(group);
        });
    }

    /** 404 unless the principal may see the group (the reference checks this before it reads the request). */
    public void requireVisible(Permissions perms, String guid) {
        tx.run(() -> visible(perms, guid));
    }

    /** 403 for anyone but admins. */
    public void requireAdmin(Permissions perms) {
        if (!perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
    }

    SecurityGroup visible(Permissions perms, String guid) {
        return repository.find(guid).filter(g -> canRead(perms, g))
                .orElseThrow(() -> CfException.notFound("Security group"));
    }

    private boolean canRead(Permissions perms, SecurityGroup group) {
        if (perms.canReadGlobally() || group.runningDefault() || group.stagingDefault()) {
            return true;
        }
        List<String> bound = Stream.concat(group.runningSpaceGuids().stream(), group.stagingSpaceGuids().stream())
                .distinct().toList();
        return !readable(perms, bound).isEmpty();
    }

    /** Of these spaces, those the principal can read (one query). */
    private Set<String> readable(Permissions perms, Collection<String> spaceGuids) {
        if (spaceGuids.isEmpty()) {
            return Set.of();
        }
        Set<String> result = new HashSet<>();
        for (Space s : spaces.findAll(spaceGuids)) {
            if (perms.canReadSpace(s.guid(), s.organizationGuid())) {
                result.add(s.guid());
            }
        }
        return result;
    }

    private UnaryOperator<SecurityGroup> readableSpacesOnly(Permissions perms, List<SecurityGroup> groups) {
        if (perms.canReadGlobally()) {
            return UnaryOperator.identity();
        }
        Set<String> readable = readable(perms, groups.stream().flatMap(g -> Stream.concat(
                g.runningSpaceGuids().stream(), g.stagingSpaceGuids().stream())).distinct().toList());
        return g -> g.withSpaces(g.runningSpaceGuids().stream().filter(readable::contains).toList(),
                g.stagingSpaceGuids().stream().filter(readable::contains).toList());
    }

    public SecurityGroup create(Permissions perms, SecurityGroupCommands.Create cmd) {
        requireAdmin(perms);
        return tx.inTransaction(() -> {
            checkModel(cmd.name(), cmd.rules(), null);
            var now = now();
            String guid = guids.next();
            repository.insert(new SecurityGroup(guid, now, now, cmd.name(), cmd.rules(),
                    Boolean.TRUE.equals(cmd.running()), Boolean.TRUE.equals(cmd.staging()), List.of(), List.of()));
            repository.renewLatestUpdate(now);
            List<Space> staging = existingSpaces(cmd.stagingSpaceGuids());
            staging.forEach(s -> repository.bind(guid, Lifecycle.STAGING, s.guid()));
            List<Space> running = existingSpaces(cmd.runningSpaceGuids());
            running.forEach(s -> repository.bind(guid, Lifecycle.RUNNING, s.guid()));
            return repository.find(guid).orElseThrow();
        });
    }

    /** Create's {@code valid_spaces}: every requested space must exist (duplicates count, as the reference). */
    private List<Space> existingSpaces(List<String> requested) {
        List<Space> found = spaces.findAll(requested.stream().distinct().toList());
        if (found.size() != requested.size()) {
            List<String> missing = new ArrayList<>(requested);
            missing.removeAll(found.stream().map(Space::guid).toList());
            throw CfException.unprocessable("Spaces with guids " + RubyStrings.inspect(missing) + " do not exist.");
        }
        return found;
    }

    public SecurityGroup update(Permissions perms, String guid, SecurityGroupCommands.Update cmd) {
        return tx.inTransaction(() -> {
            SecurityGroup group = visible(perms, guid);
            requireAdmin(perms);
            String name = cmd.nameGiven() ? cmd.name() : group.name();
            List<Map<String, Object>> newRules = cmd.rulesGiven() ? cmd.rules() : group.rules();
            checkModel(name, newRules, guid);
            var now = now();
            repository.update(new SecurityGroup(guid, group.createdAt(), now, name, newRules,
                    cmd.running() != null ? cmd.running() : group.runningDefault(),
                    cmd.staging() != null ? cmd.staging() : group.stagingDefault(),
                    group.runningSpaceGuids(), group.stagingSpaceGuids()));
            repository.renewLatestUpdate(now);
            SecurityGroup updated = repository.find(guid).orElseThrow();
            return readableSpacesOnly(perms, List.of(updated)).apply(updated);
        });
    }

    /** The model's validation (name format, rules) then its unique name, with the reference's texts. */
    private void checkModel(String name, List<Map<String, Object>> newRules, String exceptGuid) {
        List<String> problems = new ArrayList<>();
        if (!Printable.matches(name)) {
            problems.add("name is invalid");
        }
        problems.addAll(rules.modelProblems(newRules));
        if (!problems.isEmpty()) {
            throw CfException.unprocessable(String.join(", ", problems));
        }
        if (repository.nameTaken(name, exceptGuid)) {
            throw CfException.unprocessable("Security group with name '" + name + "' already exists.");
        }
    }

    /** Starts the asynchronous delete (admins only) and returns its job. */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            visible(perms, guid);
            requireAdmin(perms);
            return jobs.enqueue(DELETE_JOB, "security_groups", guid);
        });
    }

    /**
     * Binds the group to the spaces for running or staging apps (admins, and managers of each space or of its org)
     * and returns every space the group is bound to for that lifecycle.
     */
    public List<String> bind(Permissions perms, String guid, Lifecycle lifecycle, List<String> spaceGuids) {
        return tx.inTransaction(() -> {
            visible(perms, guid);
            for (String spaceGuid : spaceGuids) {
                spaces.find(spaceGuid).ifPresent(space -> requireSpaceUpdatable(perms, space));
            }
            List<Space> existing = spaces.findAll(spaceGuids.stream().distinct().toList());
            List<String> invalid = new ArrayList<>(spaceGuids);
            invalid.removeAll(existing.stream().map(Space::guid).toList());
            if (!perms.canReadGlobally()) {
                existing.stream().filter(s -> !perms.canReadSpace(s.guid(), s.organizationGuid()))
                        .forEach(s -> invalid.add(s.guid()));
            }
            if (!invalid.isEmpty()) {
                throw CfException.unprocessable("Spaces with guids " + RubyStrings.inspect(invalid)
                        + " do not exist, or you do not have access to them.");
            }
            existing.forEach(s -> repository.bind(guid, lifecycle, s.guid()));
            repository.renewLatestUpdate(now());
            SecurityGroup bound = repository.find(guid).orElseThrow();
            return lifecycle == Lifecycle.RUNNING ? bound.runningSpaceGuids() : bound.stagingSpaceGuids();
        });
    }

    /** Unbinds the group from one space (admins, and managers of the space or of its org). */
    public void unbind(Permissions perms, String guid, Lifecycle lifecycle, String spaceGuid) {
        tx.run(() -> {
            SecurityGroup group = visible(perms, guid);
            String notBound = "Unable to unbind security group from space with guid '" + spaceGuid
                    + "'. Ensure the space is bound to this security group.";
            Space space = spaces.find(spaceGuid).orElseThrow(() -> CfException.unprocessable(notBound));
            requireSpaceUpdatable(perms, space);
            List<String> bound = lifecycle == Lifecycle.RUNNING ? group.runningSpaceGuids()
                    : group.stagingSpaceGuids();
            if (!bound.contains(spaceGuid)) {
                throw CfException.unprocessable(notBound);
            }
            repository.unbind(guid, lifecycle, spaceGuid);
            repository.renewLatestUpdate(now());
        });
    }

    /**
     * {@code can_update_active_space?} then {@code require_writable_space!}: admins bypass suspension; a suspended
     * org stops everyone else; org managers bypass a suspended space.
     */
    private void requireSpaceUpdatable(Permissions perms, Space space) {
        if (!perms.canUpdateSpace(space.guid(), space.organizationGuid())) {
            throw CfException.notAuthorized();
        }
        if (perms.canWriteGlobally()) {
            return;
        }
        if (organizations.find(space.organizationGuid()).filter(Organization::suspended).isPresent()) {
            throw CfException.of(CfError.OrgSuspended);
        }
        if (space.suspended() && !perms.hasOrgRole(space.organizationGuid(), Permissions.ORG_MANAGERS)) {
            throw CfException.of(CfError.SpaceSuspended);
        }
    }

    /**
     * The groups that apply to running or staging apps of a space (bound to it or globally enabled), for readers
     * of the space; each shows only its binding to that space.
     */
    public Page<SecurityGroup> forSpace(Permissions perms, String spaceGuid, Lifecycle lifecycle, ListQuery query) {
        return tx.inTransaction(() -> {
            spaces.find(spaceGuid).filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                    .orElseThrow(() -> CfException.notFound("Space"));
            String filter = lifecycle == Lifecycle.RUNNING ? SecurityGroupRepository.RUNNING_FOR_SPACE
                    : SecurityGroupRepository.STAGING_FOR_SPACE;
            Page<SecurityGroup> page = repository.list(query.withFilter(filter, List.of(spaceGuid))
                    .withVisibility(Visibility.everything()));
            return page.map(g -> g.withSpaces(
                    g.runningSpaceGuids().stream().filter(spaceGuid::equals).toList(),
                    g.stagingSpaceGuids().stream().filter(spaceGuid::equals).toList()));
        });
    }

    /** When any security group last changed (creation, update, binding, deletion); the epoch when none did. */
    public Instant latestUpdate() {
        return tx.inTransaction(repository::latestUpdate);
    }

    /**
     * Seeds the configured groups when there are none yet; those named as default running or staging groups
     * become globally enabled. A definition the model refuses stops the boot.
     */
    public void seed(SecurityGroupSettings settings) {
        if (settings.definitions().isEmpty()) {
            return;
        }
        tx.run(() -> {
            if (!repository.isEmpty()) {
                return;
            }
            var now = now();
            for (SecurityGroupSettings.Definition d : settings.definitions()) {
                List<String> problems = new ArrayList<>();
                if (!Printable.matches(d.name())) {
                    problems.add("name is invalid");
                }
                problems.addAll(rules.modelProblems(d.rules()));
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException("security_group_definitions: " + d.name() + ": "
                            + String.join(", ", problems));
                }
                repository.insert(new SecurityGroup(guids.next(), now, now, d.name(), d.rules(),
                        settings.defaultRunningGroups().contains(d.name()),
                        settings.defaultStagingGroups().contains(d.name()), List.of(), List.of()));
            }
            repository.renewLatestUpdate(now);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
