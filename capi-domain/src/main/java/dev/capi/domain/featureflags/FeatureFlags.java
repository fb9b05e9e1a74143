package dev.capi.domain.featureflags;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Transactions;
import dev.capi.model.FeatureFlag;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The 19 feature flags with the reference's defaults, their stored overrides, and the checks that guard actions. */
public final class FeatureFlags {
    /** Every flag and its default, in the reference's (alphabetical) listing order. */
    public static final Map<String, Boolean> DEFAULTS = defaults();

    private final FeatureFlagRepository repository;
    private final Transactions tx;
    private final Clock clock;
    private volatile Set<String> configOverridden = Set.of();

    public FeatureFlags(FeatureFlagRepository repository, Transactions tx, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
    }

    private static Map<String, Boolean> defaults() {
        var m = new LinkedHashMap<String, Boolean>();
        m.put("app_bits_upload", true);
        m.put("app_scaling", true);
        m.put("diego_cnb", false);
        m.put("diego_docker", false);
        m.put("env_var_visibility", true);
        m.put("hash_based_routing", false);
        m.put("hide_marketplace_from_unauthenticated_users", false);
        m.put("private_domain_creation", true);
        m.put("resource_matching", true);
        m.put("route_creation", true);
        m.put("route_sharing", false);
        m.put("service_instance_creation", true);
        m.put("service_instance_sharing", false);
        m.put("set_roles_by_username", true);
        m.put("space_developer_env_var_visibility", true);
        m.put("space_scoped_private_broker_creation", true);
        m.put("task_creation", true);
        m.put("unset_roles_by_username", true);
        m.put("user_org_creation", false);
        return java.util.Collections.unmodifiableMap(m);
    }

    public List<FeatureFlag> all() {
        Map<String, FeatureFlag> overrides = new LinkedHashMap<>();
        repository.overrides().forEach(f -> overrides.put(f.name(), f));
        return DEFAULTS.entrySet().stream()
                .map(e -> overrides.getOrDefault(e.getKey(), new FeatureFlag(e.getKey(), e.getValue(), null, null)))
                .toList();
    }

    public Optional<FeatureFlag> find(String name) {
        if (!DEFAULTS.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(repository.override(name).orElse(new FeatureFlag(name, DEFAULTS.get(name), null, null)));
    }

    public boolean enabled(String name) {
        return find(name).map(FeatureFlag::enabled).orElseThrow(() -> new IllegalArgumentException(name));
    }

    /** Throws 403 FeatureDisabled (with the flag's custom message, if any) when the flag is off. */
    public void require(String name) {
        FeatureFlag flag = find(name).orElseThrow(() -> new IllegalArgumentException(name));
        if (!flag.enabled()) {
            String msg = flag.customErrorMessage() != null ? flag.customErrorMessage() : name;
            throw CfException.featureDisabled(msg);
        }
    }

    /** As {@link #require} but admins bypass the flag. */
    public void requireUnlessAdmin(String name, Principal principal) {
        if (!principal.isAdmin()) {
            require(name);
        }
    }

    /**
     * One page of the flags, ordered by name (the only order field). Without timestamp filters every flag is listed;
     * with {@code updated_ats} only changed flags (those with a stored value) can match, as in the reference.
     */
    public Page<FeatureFlag> list(ListQuery query) {
        List<FeatureFlag> matching = tx.inTransaction(() -> query.timestamps().isEmpty() ? all()
                : repository.overrides().stream()
                        .filter(f -> query.timestamps().stream().allMatch(t -> t.matches(f.updatedAt())))
                        .toList());
        Comparator<FeatureFlag> byName = Comparator.comparing(FeatureFlag::name);
        List<FeatureFlag> sorted = matching.stream()
                .sorted(query.orderBy() != null && query.orderBy().descending() ? byName.reversed() : byName)
                .toList();
        int from = (int) Math.min(sorted.size(), (query.page() - 1) * query.perPage());
        int to = (int) Math.min(sorted.size(), (long) from + query.perPage());
        return new Page<>(sorted.subList(from, to), sorted.size());
    }

    /** The flag, or 404 "Feature flag not found" for a name that is not one of the 19. */
    public FeatureFlag get(String name) {
        return tx.inTransaction(() -> find(name)).orElseThrow(() -> CfException.notFound("Feature flag"));
    }

    /**
     * Updates a flag: 404 for an unknown name, then 403 unless the principal writes globally, and only then the
     * command is asked for — so body validation (422) comes after both, in the reference's order.
     */
    public FeatureFlag update(Permissions perms, String name, Supplier<FeatureFlagCommands.Update> command) {
        return tx.inTransaction(() -> {
            FeatureFlag current = get(name);
            if (!perms.canWriteGlobally()) {
                throw CfException.notAuthorized();
            }
            FeatureFlagCommands.Update cmd = command.get();
            FeatureFlag updated = new FeatureFlag(name, cmd.enabled() != null ? cmd.enabled() : current.enabled(),
                    cmd.customErrorMessageGiven() ? cmd.customErrorMessage() : current.customErrorMessage(), now());
            repository.save(updated);
            return updated;
        });
    }

    /**
     * Writes the configured overrides (the reference's {@code feature_flag_overrides}) at boot: a flag whose stored
     * value differs is saved with the configured one. Unknown names are refused before anything is written.
     */
    public void applyOverrides(Map<String, Boolean> overrides) {
        List<String> invalid = overrides.keySet().stream().filter(n -> !DEFAULTS.containsKey(n)).sorted().toList();
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("Invalid feature flag name(s): " + invalid);
        }
        tx.run(() -> overrides.forEach((name, enabled) -> {
            Optional<FeatureFlag> stored = repository.override(name);
            if (stored.isEmpty() || stored.get().enabled() != enabled) {
                repository.save(new FeatureFlag(name, enabled,
                        stored.map(FeatureFlag::customErrorMessage).orElse(null), now()));
            }
        }));
        configOverridden = Set.copyOf(overrides.keySet());
    }

    /** Whether the configuration overrides this flag (a PATCH then warns that a redeploy may undo it). */
    public boolean overriddenByConfig(String name) {
        return configOverridden.contains(name);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
