package dev.capi.domain.featureflags;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfException;
import dev.capi.model.FeatureFlag;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 19 feature flags with the reference's defaults, their stored overrides, and the checks that guard actions. */
public final class FeatureFlags {
    /** Every flag and its default, in the reference's (alphabetical) listing order. */
    public static final Map<String, Boolean> DEFAULTS = defaults();

    private final FeatureFlagRepository repository;
    private final Clock clock;

    public FeatureFlags(FeatureFlagRepository repository, Clock clock) {
        this.repository = repository;
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
     * Updates a flag (admin only); absent fields keep their value. customErrorMessage: null keeps, "" clears... the
     * caller passes the new effective value.
     */
    public FeatureFlag update(Principal principal, String name, Boolean enabled, Optional<String> customMessage) {
        FeatureFlag current = find(name).orElseThrow(() -> CfException.notFound("Feature flag"));
        if (!principal.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
        FeatureFlag updated = new FeatureFlag(name, enabled != null ? enabled : current.enabled(),
                customMessage == null ? current.customErrorMessage() : customMessage.orElse(null),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        repository.save(updated);
        return updated;
    }
}
