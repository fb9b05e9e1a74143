package dev.capi.domain.assembly;

import dev.capi.domain.Settings;
import dev.capi.domain.events.AuditEventQueries;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;

/** What every area builds on: audit events, feature flags (with the configured overrides), jobs, metadata rules. */
public record Foundation(AuditEvents auditEvents, AuditEventQueries auditEventQueries, FeatureFlags featureFlags,
                         Jobs jobs, MetadataChanges metadataChanges) {

    public static Foundation assemble(CorePorts ports, Settings settings) {
        var featureFlags = new FeatureFlags(ports.featureFlags(), ports.transactions(), ports.clock());
        if (!settings.featureFlagOverrides().isEmpty()) {
            featureFlags.applyOverrides(settings.featureFlagOverrides());
        }
        return new Foundation(new AuditEvents(ports.auditEvents(), ports.clock(), ports.guids()),
                new AuditEventQueries(ports.auditEvents(), ports.transactions()), featureFlags,
                new Jobs(ports.jobs(), ports.clock(), ports.guids()),
                new MetadataChanges(ports.metadata(), settings.maxLabelsPerResource(),
                        settings.maxAnnotationsPerResource()));
    }
}
