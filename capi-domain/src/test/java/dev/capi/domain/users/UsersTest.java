package dev.capi.domain.users;

import dev.capi.domain.roles.UserDeletion;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.UsersAndRolesFixture;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.util.List;
import java.util.Map;

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class UsersTest {
    private final UsersAndRolesFixture world = new UsersAndRolesFixture();
    private Users users;

    @BeforeEach
    void setUp() {
        world.addOrg("o1", "org-one", false);
        world.addOrg("o2", "org-two", false);
        world.addSpace("s1", "space-one", "o1", false);
        for (String u : new String[]{"ou", "oa", "sd", "other", "loner", "spaceonly"}) {
            world.users.add(u, u + "-name", "uaa");
        }
        world.roles.org("ou", ORGANIZATION_USER, "o1");
        world.roles.org("oa", ORGANIZATION_AUDITOR, "o1");
        world.roles.org("sd", ORGANIZATION_USER, "o1");
        world.roles.space("sd", SPACE_DEVELOPER, "o1", "s1");
        world.roles.org("other", ORGANIZATION_MANAGER, "o2");
        world.roles.space("spaceonly", SPACE_AUDITOR, "o1", "s1");
        users = world.users();
    }

    private static void assertFails(ThrowingSupplier<?> call, CfError kind, String detail) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    private List<String> listedBy(String user) {
        return users.list(world.as(user), ListQuery.all()).resources().stream().map(User::guid).toList();
    }

    @Test
    void usersSeeThemselvesAndTheHoldersOfOrgRolesInTheirOrganizations() {
        assertThat(listedBy("ou")).containsExactly("ou", "oa", "sd");
        assertThat(listedBy("loner")).containsExactly("loner");
        assertThat(listedBy("spaceonly")).as("a space role alone shares no organization").containsExactly("spaceonly");
        assertThat(users.list(world.withScopes("ga", Principal.GLOBAL_AUDITOR), ListQuery.all()).totalResults())
                .isEqualTo(6);
    }

    @Test
    void getIsNotFoundForUsersTheCallerCannotSee() {
        assertThat(users.get(world.as("ou"), "sd").username()).isEqualTo("sd-name");
        assertThat(users.get(world.as("loner"), "loner").guid()).isEqualTo("loner");
        assertFails(() -> users.get(world.as("loner"), "ou"), CfError.ResourceNotFound, "User not found");
        assertFails(() -> users.get(world.as("other"), "ou"), CfError.ResourceNotFound, "User not found");
        assertThat(users.get(world.withScopes("aro", Principal.ADMIN_READ_ONLY), "loner").guid()).isEqualTo("loner");
    }

    @Test
    void membersAreListedForVisibleOrganizationsAndSpacesOnly() {
        assertThat(users.listInOrganization(world.as("oa"), "o1", ListQuery.all()).resources())
                .extracting("guid").containsExactly("ou", "oa", "sd");
        assertThat(users.listInSpace(world.as("sd"), "s1", ListQuery.all()).resources())
                .extracting("guid").containsExactly("sd", "spaceonly");
        assertFails(() -> users.listInOrganization(world.as("loner"), "o1", ListQuery.all()),
                CfError.ResourceNotFound, "Organization not found");
        assertFails(() -> users.listInSpace(world.as("oa"), "s1", ListQuery.all()), CfError.ResourceNotFound,
                "Space not found");
        assertFails(() -> users.listInSpace(world.admin(), "nope", ListQuery.all()), CfError.ResourceNotFound,
                "Space not found");
    }

    @Test
    void onlyAdminsUpdateMetadataAndTheBodyIsReadOnlyOnceAllowed() {
        var labels = new MetadataUpdate(Map.of("env", "prod"), null);
        assertFails(() -> users.update(world.as("loner"), "ou", () -> fail("parsed")), CfError.ResourceNotFound,
                null);
        assertFails(() -> users.update(world.as("oa"), "ou", () -> fail("parsed")), CfError.NotAuthorized, null);
        User updated = users.update(world.admin(), "ou", () -> new UserCommands.Update(labels));
        assertThat(updated.metadata().labels()).containsEntry("env", "prod");
        assertThat(world.metadata.load("ou").labels()).containsEntry("env", "prod");
    }

    @Test
    void deleteIsAdminOnlyAndTheJobRemovesRolesMetadataAndUser() {
        assertFails(() -> users.delete(world.as("oa"), "sd"), CfError.NotAuthorized, null);
        assertFails(() -> users.delete(world.as("loner"), "sd"), CfError.ResourceNotFound, null);
        world.metadata.replace("sd", "user", new Metadata(Map.of("a", "b"), Map.of()));
        Job job = users.delete(world.admin(), "sd");
        assertThat(job.operation()).isEqualTo("user.delete");
        assertThat(job.resourceType()).isEqualTo("users");
        assertThat(world.users.find("sd")).isPresent();

        new UserDeletion(world.users, world.roles, world.metadata).perform(job);
        assertThat(world.users.find("sd")).isEmpty();
        assertThat(world.roles.forUser("sd")).isEmpty();
        assertThat(world.metadata.load("sd")).isEqualTo(Metadata.empty());
        assertFails(() -> {
            new UserDeletion(world.users, world.roles, world.metadata).perform(job);
            return null;
        }, CfError.ResourceNotFound, "User not found");
    }
}
