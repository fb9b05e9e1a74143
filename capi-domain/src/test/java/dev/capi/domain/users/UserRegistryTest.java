package dev.capi.domain.users;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.fakes.UsersAndRolesFixture;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UserRegistryTest {
    private final UsersAndRolesFixture world = new UsersAndRolesFixture();
    private final UserRegistry registry = new UserRegistry(world.users, world.tx, world.clock);

    private static Principal principal(String guid, String name, String origin) {
        return new Principal(guid, name, origin, "cf", Set.of(Principal.READ));
    }

    @Test
    void createsTheUserRowOnFirstSight() {
        var user = registry.ensure(principal("u1", "alice", "uaa"));
        assertThat(world.users.find("u1")).contains(user);
        assertThat(user.username()).isEqualTo("alice");
        assertThat(user.createdAt()).isEqualTo(UsersAndRolesFixture.NOW);
    }

    @Test
    void aUserCreatedByGuidLearnsItsNameFromItsToken() {
        world.users.add("u1", null, null);
        var user = registry.ensure(principal("u1", "alice", "ldap"));
        assertThat(user.username()).isEqualTo("alice");
        assertThat(user.presentationName()).isEqualTo("alice");
        assertThat(world.users.find("u1").orElseThrow().origin()).isEqualTo("ldap");
    }

    @Test
    void clientsHaveNoUsername() {
        var client = registry.ensure(new Principal("cc_routing", "cc_routing", null, "cc_routing",
                Set.of(Principal.READ)));
        assertThat(client.username()).isNull();
        assertThat(client.origin()).isNull();
    }

    @Test
    void leavesTheRowAloneWhenNothingChangedOrTheTokenHasNoName() {
        var stored = world.users.add("u1", "alice", "uaa");
        assertThat(registry.ensure(principal("u1", "alice", "uaa"))).isSameAs(stored);
        assertThat(registry.ensure(principal("u1", null, null))).isSameAs(stored);
    }
}
