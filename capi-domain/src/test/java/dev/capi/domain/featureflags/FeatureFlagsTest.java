package dev.capi.domain.featureflags;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.FixedRoles;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryFeatureFlags;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.TimestampFilter;
import dev.capi.domain.query.Visibility;
import dev.capi.model.FeatureFlag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureFlagsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final InMemoryFeatureFlags repository = new InMemoryFeatureFlags();
    private final FeatureFlags flags =
            new FeatureFlags(repository, new ImmediateTransactions(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Permissions admin() {
        return new Permissions(new Principal("admin", "admin", "uaa", "cf", Set.of(Principal.ADMIN)), new FixedRoles());
    }

    private static Permissions withScopes(String... scopes) {
        return new Permissions(new Principal("u1", "u1", "uaa", "cf", Set.of(scopes)), new FixedRoles());
    }

    private static FeatureFlagCommands.Update enable(boolean enabled) {
        return new FeatureFlagCommands.Update(enabled, false, null);
    }

    private static ListQuery page(int page, int perPage, OrderBy order, TimestampFilter... timestamps) {
        return new ListQuery(page, perPage, order, Map.of(), List.of(timestamps), null, Visibility.everything());
    }

    private static List<String> names(List<FeatureFlag> flags) {
        return flags.stream().map(FeatureFlag::name).toList();
    }

    @Test
    void listsAllNineteenFlagsByNameWithTheirDefaults() {
        var page = flags.list(page(1, 50, OrderBy.byId()));
        assertThat(page.totalResults()).isEqualTo(19);
        assertThat(names(page.resources())).isSorted().hasSize(19).contains("user_org_creation", "diego_docker");
        assertThat(page.resources()).filteredOn(f -> f.name().equals("user_org_creation")).singleElement()
                .isEqualTo(new FeatureFlag("user_org_creation", false, null, null));
    }

    @Test
    void ordersByNameDescendingAndPaginates() {
        var page = flags.list(page(2, 5, new OrderBy("name", true, true)));
        assertThat(page.totalResults()).isEqualTo(19);
        assertThat(names(page.resources())).containsExactly("set_roles_by_username",
                "service_instance_sharing", "service_instance_creation", "route_sharing", "route_creation");
        assertThat(flags.list(page(5, 5, OrderBy.byId())).resources()).isEmpty();
    }

    @Test
    void filteringByUpdatedAtsListsOnlyChangedFlags() {
        repository.save(new FeatureFlag("task_creation", false, null, Instant.parse("2020-05-26T18:47:02Z")));
        repository.save(new FeatureFlag("user_org_creation", true, null, Instant.parse("2020-05-26T18:47:03.5Z")));
        var gt = new TimestampFilter("updated_at", TimestampFilter.Op.GT,
                List.of(Instant.parse("2020-05-26T18:47:02Z")));
        assertThat(names(flags.list(page(1, 50, OrderBy.byId(), gt)).resources())).containsExactly("user_org_creation");
        var eq = new TimestampFilter("updated_at", TimestampFilter.Op.EQ,
                List.of(Instant.parse("2020-05-26T18:47:02Z"), Instant.parse("2020-05-26T18:47:03Z")));
        assertThat(names(flags.list(page(1, 50, OrderBy.byId(), eq)).resources()))
                .containsExactly("task_creation", "user_org_creation");
    }

    @Test
    void getRefusesUnknownNames() {
        assertThat(flags.get("diego_docker")).isEqualTo(new FeatureFlag("diego_docker", false, null, null));
        assertThatThrownBy(() -> flags.get("bogus")).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(CfError.ResourceNotFound);
            assertThat(e.detail()).isEqualTo("Feature flag not found");
        });
    }

    @Test
    void onlyAdminsUpdateAndTheBodyIsValidatedOnlyAfterTheChecks() {
        for (Permissions p : List.of(withScopes(Principal.READ, Principal.WRITE), withScopes(Principal.ADMIN_READ_ONLY),
                withScopes(Principal.GLOBAL_AUDITOR))) {
            assertThatThrownBy(() -> flags.update(p, "diego_docker", () -> {
                throw new AssertionError("body validated before the permission check");
            })).isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.NotAuthorized));
        }
        assertThatThrownBy(() -> flags.update(withScopes(Principal.READ), "bogus", () -> enable(true)))
                .isInstanceOfSatisfying(CfException.class,
                        e -> assertThat(e.kind()).isEqualTo(CfError.ResourceNotFound));
        assertThat(repository.saves()).isZero();
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndStampsTheTime() {
        var set = flags.update(admin(), "diego_docker", () -> new FeatureFlagCommands.Update(true, true, "no docker"));
        assertThat(set).isEqualTo(new FeatureFlag("diego_docker", true, "no docker", NOW));

        var toggled = flags.update(admin(), "diego_docker", () -> enable(false));
        assertThat(toggled).isEqualTo(new FeatureFlag("diego_docker", false, "no docker", NOW));

        var cleared = flags.update(admin(), "diego_docker", () -> new FeatureFlagCommands.Update(null, true, null));
        assertThat(cleared).isEqualTo(new FeatureFlag("diego_docker", false, null, NOW));
        assertThat(flags.get("diego_docker")).isEqualTo(cleared);
    }

    @Test
    void aDisabledFlagRefusesWithItsCustomMessage() {
        flags.update(admin(), "task_creation", () -> new FeatureFlagCommands.Update(false, true, "ask ops"));
        assertThatThrownBy(() -> flags.require("task_creation")).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(CfError.FeatureDisabled);
            assertThat(e.detail()).isEqualTo("Feature Disabled: ask ops");
        });
        flags.update(admin(), "task_creation", () -> new FeatureFlagCommands.Update(null, true, null));
        assertThatThrownBy(() -> flags.require("task_creation"))
                .hasMessageContaining("Feature Disabled: task_creation");
        flags.requireUnlessAdmin("task_creation", admin().principal());
    }

    @Test
    void configOverridesAreWrittenAtBootAndMarked() {
        repository.save(new FeatureFlag("route_creation", false, "kept", Instant.parse("2020-01-01T00:00:00Z")));
        repository.save(new FeatureFlag("diego_docker", true, null, Instant.parse("2020-01-01T00:00:00Z")));
        int before = repository.saves();
        flags.applyOverrides(Map.of("route_creation", true, "diego_docker", true, "user_org_creation", true));

        assertThat(repository.saves()).isEqualTo(before + 2);
        assertThat(flags.get("route_creation")).isEqualTo(new FeatureFlag("route_creation", true, "kept", NOW));
        assertThat(flags.get("diego_docker").updatedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(flags.enabled("user_org_creation")).isTrue();
        assertThat(flags.overriddenByConfig("user_org_creation")).isTrue();
        assertThat(flags.overriddenByConfig("task_creation")).isFalse();
    }

    @Test
    void configOverridesWithUnknownNamesAreRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> flags.applyOverrides(Map.of("nope", true, "diego_docker", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid feature flag name(s): [nope]");
        assertThat(repository.saves()).isZero();
    }
}
