package dev.capi.domain.roles;

import dev.capi.domain.query.RoleVisibility;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.UsersAndRolesFixture;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.Job;
import dev.capi.model.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesTest {
    private final UsersAndRolesFixture world = new UsersAndRolesFixture();
    private Roles roles;
    private Role omRole;
    private Role oaRole;
    private Role tOrgUser;
    private Role tSpaceAuditor;

    @BeforeEach
    void setUp() {
        world.addOrg("o1", "org-one", false);
        world.addOrg("o2", "org-two", true);
        world.addSpace("s1", "space-one", "o1", false);
        world.addSpace("s9", "space-nine", "o2", false);
        world.users.add("t", "tee", "uaa");
        omRole = world.roles.org("om", ORGANIZATION_MANAGER, "o1");
        oaRole = world.roles.org("oa", ORGANIZATION_AUDITOR, "o1");
        world.roles.org("sm", ORGANIZATION_USER, "o1");
        world.roles.space("sm", SPACE_MANAGER, "o1", "s1");
        world.roles.org("sd", ORGANIZATION_USER, "o1");
        world.roles.space("sd", SPACE_DEVELOPER, "o1", "s1");
        tOrgUser = world.roles.org("t", ORGANIZATION_USER, "o1");
        tSpaceAuditor = world.roles.space("t", SPACE_AUDITOR, "o1", "s1");
        world.roles.org("om", ORGANIZATION_MANAGER, "o2");
        world.roles.space("x", SPACE_DEVELOPER, "o2", "s9");
        roles = world.roles();
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
        return roles.list(world.as(user), ListQuery.all()).resources().stream().map(Role::guid).toList();
    }

    @Test
    void orgReadersSeeOrgRolesAndSpaceReadersAlsoTheSpaceRoles() {
        assertThat(listedBy("oa")).containsExactly("r0", "r1", "r2", "r4", "r6");
        assertThat(listedBy("sd")).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7");
        assertThat(listedBy("om")).hasSize(10);
        assertThat(listedBy("nobody")).isEmpty();
        assertThat(roles.list(world.withScopes("ga", Principal.GLOBAL_AUDITOR), ListQuery.all()).totalResults())
                .isEqualTo(10);
        assertThat(world.roles.lastVisibility()).isEqualTo(RoleVisibility.everything());
    }

    @Test
    void getIsNotFoundForRolesTheCallerCannotSee() {
        assertThat(roles.get(world.as("oa"), oaRole.guid())).isEqualTo(oaRole);
        assertFails(() -> roles.get(world.as("oa"), tSpaceAuditor.guid()), CfError.ResourceNotFound, "Role not found");
        assertFails(() -> roles.get(world.as("nobody"), omRole.guid()), CfError.ResourceNotFound, "Role not found");
        assertThat(roles.get(world.as("sd"), tSpaceAuditor.guid())).isEqualTo(tSpaceAuditor);
    }

    @Test
    void spaceRolesAreRemovedBySpaceManagersOrgManagersAndAdmins() {
        assertFails(() -> roles.delete(world.as("sd"), tSpaceAuditor.guid()), CfError.NotAuthorized, null);
        assertFails(() -> roles.delete(world.as("oa"), tSpaceAuditor.guid()), CfError.ResourceNotFound, null);
        assertFails(() -> roles.delete(world.withScopes("aro", Principal.ADMIN_READ_ONLY), tSpaceAuditor.guid()),
                CfError.NotAuthorized, null);
        for (String user : new String[]{"sm", "om"}) {
            assertThat(roles.delete(world.as(user), tSpaceAuditor.guid()).operation()).isEqualTo("role.delete");
        }
        assertThat(roles.delete(world.admin(), tSpaceAuditor.guid()).resourceType()).isEqualTo("roles");
    }

    @Test
    void orgRolesAreRemovedByOrgManagersAndAdminsOnly() {
        assertFails(() -> roles.delete(world.as("sm"), oaRole.guid()), CfError.NotAuthorized, null);
        assertFails(() -> roles.delete(world.as("oa"), oaRole.guid()), CfError.NotAuthorized, null);
        assertThat(roles.delete(world.as("om"), oaRole.guid()).resourceGuid()).isEqualTo(oaRole.guid());
    }

    @Test
    void organizationUserStaysWhileTheUserHoldsSpaceRolesThere() {
        assertFails(() -> roles.delete(world.admin(), tOrgUser.guid()), CfError.UnprocessableEntity,
                "Cannot delete organization_user role while user has roles in spaces in that organization.");
        assertThat(world.enqueued()).isZero();
        world.roles.delete(tSpaceAuditor.guid());
        assertThat(roles.delete(world.admin(), tOrgUser.guid())).isNotNull();
    }

    @Test
    void suspendedOrganizationsLockOutOrgManagers() {
        Role inSuspended = world.roles.org("t", ORGANIZATION_AUDITOR, "o2");
        assertFails(() -> roles.delete(world.as("om"), inSuspended.guid()), CfError.OrgSuspended, null);
        Role spaceRole = world.roles.all().stream().filter(r -> "s9".equals(r.spaceGuid())).findFirst().orElseThrow();
        assertFails(() -> roles.delete(world.as("om"), spaceRole.guid()), CfError.OrgSuspended, null);
        assertThat(roles.delete(world.admin(), inSuspended.guid())).isNotNull();
    }

    @Test
    void deleteRecordsTheRemoveEventAndTheJobRemovesTheRole() {
        Job job = roles.delete(world.as("sm"), tSpaceAuditor.guid());
        var event = world.recorded().get(0);
        assertThat(event.type()).isEqualTo("audit.user.space_auditor_remove");
        assertThat(event.actor().guid()).isEqualTo("sm");
        assertThat(event.target().guid()).isEqualTo("t");
        assertThat(event.target().name()).isEqualTo("tee");
        assertThat(event.spaceGuid()).isEqualTo("s1");
        assertThat(event.organizationGuid()).isEqualTo("o1");
        assertThat(event.data()).isEqualTo(Map.of("request", Map.of()));
        assertThat(world.roles.find(tSpaceAuditor.guid())).isPresent();

        RoleDeletion deletion = new RoleDeletion(world.roles);
        assertThat(deletion.operation()).isEqualTo(job.operation());
        deletion.perform(job);
        assertThat(world.roles.find(tSpaceAuditor.guid())).isEmpty();
        deletion.perform(job);
    }

    @Test
    void relatedResourcesAreLoadedPerRequestedRelationInCreationOrder() {
        world.users.add("sd", "sd-name", "uaa");
        List<Role> page = List.of(tSpaceAuditor, oaRole, tOrgUser, world.roles.find("r5").orElseThrow());
        RoleRelations users = roles.related(page, Set.of("user"));
        assertThat(users.users()).extracting("guid").containsExactly("t", "sd");
        assertThat(users.organizations()).isNull();
        assertThat(users.spaces()).isNull();
        RoleRelations targets = roles.related(page, Set.of("organization", "space"));
        assertThat(targets.organizations()).extracting("guid").containsExactly("o1");
        assertThat(targets.spaces()).extracting("guid").containsExactly("s1");
        RoleRelations none = roles.related(List.of(oaRole), Set.of("space"));
        assertThat(none.spaces()).isEmpty();
    }
}
