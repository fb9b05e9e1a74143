package dev.capi.domain.users;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Metadata;
import dev.capi.model.User;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * {@code POST /v3/users}: admins create a user by guid or by username and origin; with
 * {@code allow_user_creation_by_org_manager}, org managers may create users by username and origin only. Names come
 * from the {@link UserDirectory} when it knows the user; a user by username and origin it does not know gets a new
 * guid (the reference's UAA "shadow user").
 */
public final class UserCreate {
    private final UserRepository repository;
    private final Transactions tx;
    private final MetadataChanges metadata;
    private final Clock clock;
    private final Guids guids;
    private final UserDirectory directory;
    private final boolean allowCreationByOrgManager;

    public UserCreate(UserRepository repository, UserDirectory directory, Transactions tx, MetadataChanges metadata,
                      Clock clock, Guids guids, boolean allowCreationByOrgManager) {
        this.repository = repository;
        this.directory = directory;
        this.tx = tx;
        this.metadata = metadata;
        this.clock = clock;
        this.guids = guids;
        this.allowCreationByOrgManager = allowCreationByOrgManager;
    }

    /** Checks who may create before the body is parsed (the reference answers 403 before 422). */
    public User create(Permissions perms, Supplier<UserCommands.Create> command) {
        boolean admin = perms.canWriteGlobally();
        if (!admin && !(allowCreationByOrgManager && perms.isOrgManagerOfAnyOrg())) {
            throw CfException.notAuthorized();
        }
        UserCommands.Create cmd = command.get();
        if (!admin && cmd.guid() != null) {
            throw CfException.notAuthorized();
        }
        return tx.inTransaction(() -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            User user;
            if (cmd.guid() != null) {
                if (repository.find(cmd.guid()).isPresent()) {
                    throw CfException.unprocessable("User with guid '" + cmd.guid() + "' already exists.");
                }
                var known = directory.find(cmd.guid());
                String username = known.map(UserDirectory.Entry::username).orElse(null);
                user = new User(cmd.guid(), now, now, username, username,
                        known.map(UserDirectory.Entry::origin).orElse(null), Metadata.empty());
            } else {
                String guid = directory.search(cmd.username(), cmd.origin()).stream().findFirst()
                        .map(UserDirectory.Entry::guid).orElseGet(guids::next);
                if (!repository.findByUsername(cmd.username(), cmd.origin()).isEmpty()
                        || repository.find(guid).isPresent()) {
                    throw CfException.unprocessable("User with username '" + cmd.username() + "' and origin '"
                            + cmd.origin() + "' already exists.");
                }
                user = new User(guid, now, now, cmd.username(), cmd.username(), cmd.origin(), Metadata.empty());
            }
            repository.insert(user);
            return user.withMetadata(metadata.apply(user.guid(), "user", Metadata.empty(), cmd.metadata()));
        });
    }
}
