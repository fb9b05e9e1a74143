package dev.capi.domain.roles;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.UsersAndRolesFixture;
import dev.capi.model.FeatureFlag;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.util.Map;

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleCreateTest {
    private final UsersAndRolesFixture world = new UsersAndRolesFixture();
    private RoleCreate create;

    @BeforeEach
    void setUp() {
        world.addOrg("o1", "org-one", false);
        world.addOrg("o2", "org-two", true);
        world.addSpace("s1", "space-one", "o1", false);
        world.addSpace("s2", "space-two", "o1", true);
        world.addSpace("s3", "space-three", "o2", false);
        world.users.add("om", "om-name", "uaa");
        world.users.add("sm", "sm-name", "uaa");
        world.users.add("sd", "sd-name", "uaa");
        world.users.add("oa", "oa-name", "uaa");
        world.users.add("t", "tee", "uaa");
        world.users.add("ta", "ta-name", "uaa");
        world.users.add("stranger", "str", "uaa");
        world.roles.org("om", ORGANIZATION_MANAGER, "o1");
        world.roles.org("om", ORGANIZATION_MANAGER, "o2");
        world.roles.org("oa", ORGANIZATION_AUDITOR, "o1");
        world.roles.org("t", ORGANIZATION_USER, "o1");
        world.roles.org("ta", ORGANIZATION_AUDITOR, "o1");
        for (String u : new String[]{"sm", "sd"}) {
            world.roles.org(u, ORGANIZATION_USER, "o1");
        }
        world.roles.space("sm", SPACE_MANAGER, "o1", "s1");
        world.roles.space("sm", SPACE_MANAGER, "o1", "s2");
        world.roles.space("sd", SPACE_DEVELOPER, "o1", "s1");
        create = world.roleCreate(false);
    }

    private static RoleCommands.Create orgRole(RoleType type, String user, String org) {
        return new RoleCommands.Create(type, user, null, null, org, null, Map.of("type", type.wireName()));
    }

    private static RoleCommands.Create spaceRole(RoleType type, String user, String space) {
        return new RoleCommands.Create(type, user, null, null, null, space, Map.of("type", type.wireName()));
    }

    private static RoleCommands.Create byName(RoleType type, String username, String origin, String target) {
        return type.isSpaceRole() ? new RoleCommands.Create(type, null, username, origin, null, target, Map.of())
                : new RoleCommands.Create(type, null, username, origin, target, null, Map.of());
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
    void orgManagerGrantsAnOrgRoleAndTheAddEventRecordsTheRequest() {
        Role role = create.create(world.as("om"), orgRole(ORGANIZATION_BILLING_MANAGER, "t", "o1"));
        assertThat(role).isEqualTo(new Role("g1", UsersAndRolesFixture.NOW, UsersAndRolesFixture.NOW,
                ORGANIZATION_BILLING_MANAGER, "t", "o1", null));
        assertThat(world.roles.find("g1")).contains(role);
        var event = world.recorded().get(0);
        assertThat(event.type()).isEqualTo("audit.user.organization_billing_manager_add");
        assertThat(event.actor().guid()).isEqualTo("om");
        assertThat(event.target().guid()).isEqualTo("t");
        assertThat(event.target().type()).isEqualTo("user");
        assertThat(event.target().name()).isEqualTo("tee");
        assertThat(event.organizationGuid()).isEqualTo("o1");
        assertThat(event.spaceGuid()).isNull();
        assertThat(event.data()).isEqualTo(Map.of("request", Map.of("type", "organization_billing_manager")));
    }

    @Test
    void onlyAdminsAndOrgManagersGrantOrgRoles() {
        assertThat(create.create(world.admin(), orgRole(ORGANIZATION_AUDITOR, "t", "o1")).type())
                .isEqualTo(ORGANIZATION_AUDITOR);
        for (Permissions perms : new Permissions[]{world.as("sm"), world.as("oa"), world.as("stranger"),
                world.withScopes("aro", Principal.ADMIN_READ_ONLY), world.withScopes("ga", Principal.GLOBAL_AUDITOR)}) {
            assertFails(() -> create.create(perms, orgRole(ORGANIZATION_MANAGER, "t", "o1")), CfError.NotAuthorized,
                    null);
        }
    }

    @Test
    void spaceManagersOrgManagersAndAdminsGrantSpaceRolesOthersAreForbiddenNeverNotFound() {
        assertThat(create.create(world.as("sm"), spaceRole(SPACE_AUDITOR, "t", "s1")).spaceGuid()).isEqualTo("s1");
        assertThat(create.create(world.as("om"), spaceRole(SPACE_DEVELOPER, "t", "s1")).organizationGuid())
                .isEqualTo("o1");
        assertThat(create.create(world.admin(), spaceRole(SPACE_SUPPORTER, "t", "s1")).userGuid()).isEqualTo("t");
        for (String user : new String[]{"sd", "oa", "stranger"}) {
            assertFails(() -> create.create(world.as(user), spaceRole(SPACE_MANAGER, "t", "s1")),
                    CfError.NotAuthorized, null);
        }
        var event = world.recorded().get(0);
        assertThat(event.type()).isEqualTo("audit.user.space_auditor_add");
        assertThat(event.spaceGuid()).isEqualTo("s1");
        assertThat(event.organizationGuid()).isEqualTo("o1");
    }

    @Test
    void missingTargetsAreUnprocessable() {
        assertFails(() -> create.create(world.as("stranger"), spaceRole(SPACE_AUDITOR, "t", "nope")),
                CfError.UnprocessableEntity, "Invalid space. Ensure that the space exists and you have access to it.");
        assertFails(() -> create.create(world.as("stranger"), orgRole(ORGANIZATION_USER, "t", "nope")),
                CfError.UnprocessableEntity,
                "Invalid organization. Ensure that the organization exists and you have access to it.");
    }

    @Test
    void spaceRolesNeedTheOrganizationUserRoleAndAUserTheCallerCanSee() {
        String text = RoleCreate.NOT_IN_ORGANIZATION;
        assertFails(() -> create.create(world.admin(), spaceRole(SPACE_DEVELOPER, "ta", "s1")),
                CfError.UnprocessableEntity, text);
        assertFails(() -> create.create(world.admin(), spaceRole(SPACE_DEVELOPER, "ghost", "s1")),
                CfError.UnprocessableEntity, text);
        assertThat(world.users.find("ghost")).isEmpty();
        world.roles.org("stranger", ORGANIZATION_USER, "o2");
        assertFails(() -> create.create(world.as("sm"), spaceRole(SPACE_DEVELOPER, "stranger", "s1")),
                CfError.UnprocessableEntity, text);
        assertThat(world.roles.all()).noneMatch(r -> r.guid().startsWith("g"));
    }

    @Test
    void orgRolesForAnUnknownUserGuidCreateTheUser() {
        create.create(world.as("om"), orgRole(ORGANIZATION_USER, "newcomer", "o1"));
        assertThat(world.users.find("newcomer")).hasValueSatisfying(u -> {
            assertThat(u.username()).isNull();
            assertThat(u.createdAt()).isEqualTo(UsersAndRolesFixture.NOW);
        });
        assertThat(world.recorded().get(0).target().name()).isEmpty();
    }

    @Test
    void duplicatesNameTheUserAndTheTarget() {
        create.create(world.admin(), spaceRole(SPACE_DEVELOPER, "t", "s1"));
        assertFails(() -> create.create(world.admin(), spaceRole(SPACE_DEVELOPER, "t", "s1")),
                CfError.UnprocessableEntity, "User 'tee' already has 'space_developer' role in space 'space-one'.");
        create.create(world.admin(), orgRole(ORGANIZATION_AUDITOR, "nameless", "o1"));
        assertFails(() -> create.create(world.admin(), orgRole(ORGANIZATION_AUDITOR, "nameless", "o1")),
                CfError.UnprocessableEntity,
                "User 'nameless' already has 'organization_auditor' role in organization 'org-one'.");
        assertThat(world.recorded()).hasSize(2);
    }

    @Test
    void suspendedOrganizationsAndSpacesLockOutAllButAdminsAndOrgManagers() {
        world.roles.org("t", ORGANIZATION_USER, "o2");
        assertFails(() -> create.create(world.as("om"), orgRole(ORGANIZATION_AUDITOR, "t", "o2")),
                CfError.OrgSuspended, "The organization is suspended");
        assertFails(() -> create.create(world.as("om"), spaceRole(SPACE_AUDITOR, "t", "s3")), CfError.OrgSuspended,
                null);
        assertThat(create.create(world.admin(), orgRole(ORGANIZATION_AUDITOR, "t", "o2")).organizationGuid())
                .isEqualTo("o2");
        assertFails(() -> create.create(world.as("sm"), spaceRole(SPACE_AUDITOR, "t", "s2")),
                CfError.SpaceSuspended, "The space is suspended");
        assertThat(create.create(world.as("om"), spaceRole(SPACE_AUDITOR, "t", "s2")).spaceGuid()).isEqualTo("s2");
    }

    @Test
    void usernamesResolveToKnownUsersWithTheReferenceTexts() {
        assertThat(create.create(world.as("om"), byName(ORGANIZATION_AUDITOR, "tee", null, "o1")).userGuid())
                .isEqualTo("t");
        assertFails(() -> create.create(world.as("om"), byName(ORGANIZATION_AUDITOR, "nobody", null, "o1")),
                CfError.UnprocessableEntity, "No user exists with the username 'nobody'.");
        assertFails(() -> create.create(world.as("om"), byName(ORGANIZATION_AUDITOR, "tee", "ldap", "o1")),
                CfError.UnprocessableEntity, "No user exists with the username 'tee' and origin 'ldap'.");
        assertFails(() -> create.create(world.as("om"), byName(SPACE_AUDITOR, "nobody", "ldap", "s1")),
                CfError.UnprocessableEntity, RoleCreate.NOT_IN_ORGANIZATION);
        world.users.add("t-okta", "tee", "okta");
        assertFails(() -> create.create(world.as("om"), byName(ORGANIZATION_MANAGER, "tee", null, "o1")),
                CfError.UnprocessableEntity, "Ambiguous user. User with username 'tee' exists in the following "
                        + "origins: okta, uaa. Specify an origin to disambiguate.");
        assertThat(create.create(world.as("om"), byName(ORGANIZATION_MANAGER, "tee", "okta", "o1")).userGuid())
                .isEqualTo("t-okta");
    }

    @Test
    void rolesByUsernameFollowTheFeatureFlagExceptForAdmins() {
        world.flagRows.save(new FeatureFlag("set_roles_by_username", false, "ask an admin", UsersAndRolesFixture.NOW));
        assertFails(() -> create.create(world.as("om"), byName(ORGANIZATION_AUDITOR, "tee", null, "o1")),
                CfError.FeatureDisabled, "Feature Disabled: ask an admin");
        assertThat(create.create(world.admin(), byName(ORGANIZATION_AUDITOR, "tee", null, "o1")).userGuid())
                .isEqualTo("t");
        assertThat(create.create(world.as("om"), orgRole(ORGANIZATION_MANAGER, "t", "o1")).userGuid()).isEqualTo("t");
    }

    @Test
    void orgManagersMayCreateUsersByUsernameWhenConfigured() {
        RoleCreate creating = world.roleCreate(true);
        Role role = creating.create(world.as("om"), byName(ORGANIZATION_USER, "newbie", "ldap", "o1"));
        assertThat(world.users.find(role.userGuid())).hasValueSatisfying(u -> {
            assertThat(u.username()).isEqualTo("newbie");
            assertThat(u.origin()).isEqualTo("ldap");
        });
        assertThat(creating.create(world.as("om"), byName(ORGANIZATION_AUDITOR, "newbie", "ldap", "o1")).userGuid())
                .isEqualTo(role.userGuid());
        assertFails(() -> creating.create(world.as("om"), byName(ORGANIZATION_AUDITOR, "newbie", "uaa", "o1")),
                CfError.UnprocessableEntity, "No user exists with the username 'newbie' and origin 'uaa'.");
    }

    @Test
    void usernamesTheCloudControllerHasNotSeenResolveThroughTheDirectory() {
        world.directory.add("d1", "dana", "uaa").add("t", "tee", "ldap");
        Role role = create.create(world.as("om"), byName(ORGANIZATION_AUDITOR, "dana", null, "o1"));
        assertThat(role.userGuid()).isEqualTo("d1");
        assertThat(world.users.find("d1")).hasValueSatisfying(u -> {
            assertThat(u.username()).isEqualTo("dana");
            assertThat(u.origin()).isEqualTo("uaa");
        });
        assertThat(world.recorded().get(0).target().name()).isEqualTo("dana");
        assertFails(() -> create.create(world.as("om"), byName(ORGANIZATION_USER, "tee", null, "o1")),
                CfError.UnprocessableEntity, "Ambiguous user. User with username 'tee' exists in the following "
                        + "origins: ldap, uaa. Specify an origin to disambiguate.");
        world.directory.add("d2", "dora", "uaa");
        assertFails(() -> create.create(world.as("om"), byName(SPACE_AUDITOR, "dora", null, "s1")),
                CfError.UnprocessableEntity, RoleCreate.NOT_IN_ORGANIZATION);
        assertThat(world.users.find("d2")).isEmpty();
    }

    @Test
    void orgRolesForAGuidTheDirectoryKnowsCreateTheUserWithItsNames() {
        world.directory.add("d3", "dee", "okta");
        create.create(world.admin(), orgRole(ORGANIZATION_USER, "d3", "o1"));
        assertThat(world.users.find("d3").orElseThrow().username()).isEqualTo("dee");
    }

    @Test
    void grantingYourselfARoleRefreshesYourPermissions() {
        Permissions om = world.as("om");
        assertThat(om.hasOrgRole("o1", java.util.Set.of(ORGANIZATION_AUDITOR))).isFalse();
        create.create(om, orgRole(ORGANIZATION_AUDITOR, "om", "o1"));
        assertThat(om.hasOrgRole("o1", java.util.Set.of(ORGANIZATION_AUDITOR))).isTrue();
    }
}
