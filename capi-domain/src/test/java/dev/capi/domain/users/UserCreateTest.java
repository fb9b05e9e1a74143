package dev.capi.domain.users;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.UsersAndRolesFixture;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.util.Map;

import static dev.capi.model.RoleType.ORGANIZATION_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class UserCreateTest {
    private final UsersAndRolesFixture world = new UsersAndRolesFixture();

    @BeforeEach
    void setUp() {
        world.users.add("om", "om-name", "uaa");
        world.roles.org("om", ORGANIZATION_MANAGER, "o1");
    }

    private static void assertFails(ThrowingSupplier<?> call, CfError kind, String detail) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    @Test
    void adminsCreateUsersByGuidWithMetadata() {
        var labels = new MetadataUpdate(Map.of("potato", "yam"), null);
        User user = world.userCreate(false).create(world.admin(),
                () -> new UserCommands.Create("new-guid", null, null, labels));
        assertThat(user.guid()).isEqualTo("new-guid");
        assertThat(user.username()).isNull();
        assertThat(user.createdAt()).isEqualTo(UsersAndRolesFixture.NOW);
        assertThat(user.metadata().labels()).containsEntry("potato", "yam");
        assertThat(world.users.find("new-guid")).isPresent();
        assertFails(() -> world.userCreate(false).create(world.admin(),
                        () -> new UserCommands.Create("new-guid", null, null, null)), CfError.UnprocessableEntity,
                "User with guid 'new-guid' already exists.");
    }

    @Test
    void usersByUsernameAndOriginGetANewGuidOnce() {
        User shadow = world.userCreate(false).create(world.admin(),
                () -> new UserCommands.Create(null, "shadow", "idp.local", null));
        assertThat(shadow.guid()).isEqualTo("g1");
        assertThat(shadow.username()).isEqualTo("shadow");
        assertThat(shadow.origin()).isEqualTo("idp.local");
        assertFails(() -> world.userCreate(false).create(world.admin(),
                        () -> new UserCommands.Create(null, "shadow", "idp.local", null)), CfError.UnprocessableEntity,
                "User with username 'shadow' and origin 'idp.local' already exists.");
    }

    @Test
    void namesComeFromTheDirectoryWhenItKnowsTheUser() {
        world.directory.add("known", "kim", "uaa").add("ext", "eve", "ldap");
        User byGuid = world.userCreate(false).create(world.admin(),
                () -> new UserCommands.Create("known", null, null, null));
        assertThat(byGuid.username()).isEqualTo("kim");
        assertThat(byGuid.origin()).isEqualTo("uaa");
        User byName = world.userCreate(false).create(world.admin(),
                () -> new UserCommands.Create(null, "eve", "ldap", null));
        assertThat(byName.guid()).as("the directory's guid, not a new one").isEqualTo("ext");
        assertFails(() -> world.userCreate(false).create(world.admin(),
                        () -> new UserCommands.Create(null, "kim", "uaa", null)), CfError.UnprocessableEntity,
                "User with username 'kim' and origin 'uaa' already exists.");
    }

    @Test
    void othersAreForbiddenBeforeTheBodyIsRead() {
        for (var perms : new dev.capi.domain.auth.Permissions[]{world.as("om"),
                world.withScopes("aro", Principal.ADMIN_READ_ONLY), world.withScopes("ga", Principal.GLOBAL_AUDITOR)}) {
            assertFails(() -> world.userCreate(false).create(perms, () -> fail("parsed")), CfError.NotAuthorized,
                    null);
        }
    }

    @Test
    void orgManagersMayCreateByUsernameOnlyWhenConfigured() {
        UserCreate creating = world.userCreate(true);
        assertThat(creating.create(world.as("om"), () -> new UserCommands.Create(null, "u", "ldap", null)).username())
                .isEqualTo("u");
        assertFails(() -> creating.create(world.as("om"), () -> new UserCommands.Create("g", null, null, null)),
                CfError.NotAuthorized, null);
        assertFails(() -> creating.create(world.as("nobody"), () -> fail("parsed")), CfError.NotAuthorized, null);
    }
}
