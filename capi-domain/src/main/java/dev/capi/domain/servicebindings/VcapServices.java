package dev.capi.domain.servicebindings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An app's {@code VCAP_SERVICES}: its active bindings grouped by offering label ({@code user-provided} for
 * user-provided instances), each with the reference's fields (label, provider, plan, name, tags, instance_guid,
 * instance_name, binding_guid, binding_name, credentials, syslog_drain_url, volume_mounts). Volume mounts show only
 * container_dir, mode and device_type.
 */
public final class VcapServices implements dev.capi.domain.apps.AppServicesView {
    static final String USER_PROVIDED = "user-provided";
    private static final Set<String> VOLUME_FIELDS = Set.of("container_dir", "mode", "device_type");

    private final AppBoundServices bound;

    public VcapServices(AppBoundServices bound) {
        this.bound = bound;
    }

    @Override
    public Map<String, Object> vcapServices(String appGuid) {
        return of(appGuid);
    }

    public Map<String, Object> of(String appGuid) {
        Map<String, Object> byLabel = new LinkedHashMap<>();
        for (BoundService s : bound.active(appGuid)) {
            String label = s.userProvided() ? USER_PROVIDED : s.offeringLabel();
            @SuppressWarnings("unchecked")
            List<Object> entries = (List<Object>) byLabel.computeIfAbsent(label, k -> new ArrayList<>());
            entries.add(entry(s, label));
        }
        return byLabel;
    }

    static Map<String, Object> entry(BoundService s, String label) {
        var m = new LinkedHashMap<String, Object>();
        m.put("label", label);
        if (!s.userProvided()) {
            m.put("provider", s.provider());
            m.put("plan", s.planName());
        }
        m.put("name", s.bindingName() != null && !s.bindingName().isEmpty() ? s.bindingName() : s.instanceName());
        m.put("tags", tags(s));
        m.put("instance_guid", s.instanceGuid());
        m.put("instance_name", s.instanceName());
        m.put("binding_guid", s.bindingGuid());
        m.put("binding_name", s.bindingName());
        m.put("credentials", s.credentials());
        m.put("syslog_drain_url", s.syslogDrainUrl());
        m.put("volume_mounts", volumeMounts(s.volumeMounts()));
        return m;
    }

    private static List<String> tags(BoundService s) {
        if (s.userProvided()) {
            return s.instanceTags();
        }
        var merged = new LinkedHashSet<String>(s.offeringTags() == null ? List.of() : s.offeringTags());
        merged.addAll(s.instanceTags());
        return List.copyOf(merged);
    }

    private static List<Object> volumeMounts(List<Object> mounts) {
        if (mounts == null) {
            return List.of();
        }
        List<Object> censored = new ArrayList<>();
        for (Object mount : mounts) {
            if (mount instanceof Map<?, ?> map) {
                var kept = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> {
                    if (VOLUME_FIELDS.contains(String.valueOf(k))) {
                        kept.put(String.valueOf(k), v);
                    }
                });
                censored.add(kept);
            }
        }
        return censored;
    }
}
