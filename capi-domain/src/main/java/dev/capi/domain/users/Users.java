package dev.capi.domain.users;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Job;
import dev.capi.model.User;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user use cases: list (also the members of an organization or space), get, update (metadata) and
 * (asynchronous) delete. A user is visible to global readers, to itself, and to users holding an organization role
 * in an organization where it holds one. Creation is {@link UserCreate}.
 */
public final class Users {
    public static final String DELETE_JOB = "user.delete";
    static final String SHARES_ORG_WITH = "shares_org_with";
    static final String IN_ORGANIZATION = "in_organization";
    static final String IN_SPACE = "in_space";

    private final UserRepository repository;
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final Transactions tx;
    private final MetadataChanges metadata;
    private final Jobs jobs;

    public Users(UserRepository repository, OrganizationRepository organizations, SpaceRepository spaces,
                 Transactions tx, MetadataChanges metadata, Jobs jobs) {
        this.repository = repository;
        this.organizations = organizations;
        this.spaces = spaces;
        this.tx = tx;
        this.metadata = metadata;
        this.jobs = jobs;
    }

    /** The users matching the query that the principal may see. */
    public Page<User> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(visibleTo(perms, query)));
    }

    /** Users holding an organization role in the organization (404 "Organization not found" if invisible). */
    public Page<User> listInOrganization(Permissions perms, String orgGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            organizations.find(orgGuid).filter(o -> perms.canReadOrg(o.guid()))
                    .orElseThrow(() -> CfException.notFound("Organization"));
            return repository.list(query.withFilter(IN_ORGANIZATION, List.of(orgGuid)));
        });
    }

    /** Users holding a role in the space (404 "Space not found" if invisible). */
    public Page<User> listInSpace(Permissions perms, String spaceGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            spaces.find(spaceGuid).filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                    .orElseThrow(() -> CfException.notFound("Space"));
            return repository.list(query.withFilter(IN_SPACE, List.of(spaceGuid)));
        });
    }

    /** The user if the principal may see it, else 404 "User not found". */
    public User get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    /** The user if the principal may see it (call inside a transaction). */
    public Optional<User> findVisible(Permissions perms, String guid) {
        if (perms.canReadGlobally()) {
            return repository.find(guid);
        }
        var query = visibleTo(perms, ListQuery.all().withFilter("guids", List.of(guid)));
        return repository.list(query).resources().stream().findFirst();
    }

    private User visible(Permissions perms, String guid) {
        return findVisible(perms, guid).orElseThrow(() -> CfException.notFound("User"));
    }

    private static ListQuery visibleTo(Permissions perms, ListQuery query) {
        return perms.canReadGlobally() ? query
                : query.withFilter(SHARES_ORG_WITH, List.of(perms.principal().userGuid()));
    }

    /** Updates the user's metadata (admin only); the body is parsed only once the caller may update. */
    public User update(Permissions perms, String guid, Supplier<UserCommands.Update> command) {
        return tx.inTransaction(() -> {
            User user = visible(perms, guid);
            if (!perms.canWriteGlobally()) {
                throw CfException.notAuthorized();
            }
            UserCommands.Update cmd = command.get();
            return user.withMetadata(metadata.apply(guid, "user", user.metadata(), cmd.metadata()));
        });
    }

    /** Starts the asynchronous delete (admin only) and returns its job. */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            visible(perms, guid);
            if (!perms.canWriteGlobally()) {
                throw CfException.notAuthorized();
            }
            return jobs.enqueue(DELETE_JOB, "users", guid);
        });
    }
}
