package dev.capi.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service credential binding: type {@code app} (with {@code appGuid}) or {@code key} (no app), to one service
 * instance. {@code spaceGuid} is where it lives (the app's space for app bindings, the instance's for keys) and
 * {@code managedInstance} whether its instance is managed (not user-provided); both are read, never stored. Credentials, syslog drain URL and volume mounts come from the broker (or the user-provided
 * instance); {@code brokerOperation} is the broker's opaque operation string for last_operation polls.
 */
public record ServiceCredentialBinding(String guid, Instant createdAt, Instant updatedAt, String type, String name,
                                       String serviceInstanceGuid, String appGuid, String spaceGuid,
                                       boolean managedInstance, Map<String, Object> credentials, String syslogDrainUrl,
                                       List<Object> volumeMounts, BindingOperation lastOperation,
                                       String brokerOperation, Metadata metadata) {
    public static final String APP = "app";
    public static final String KEY = "key";

    public ServiceCredentialBinding {
        credentials = credentials == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(credentials));
        volumeMounts = volumeMounts == null ? null : java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(volumeMounts));
        metadata = metadata == null ? Metadata.empty() : metadata;
    }

    public boolean isKey() {
        return KEY.equals(type);
    }

    public ServiceCredentialBinding withMetadata(Metadata m) {
        return new ServiceCredentialBinding(guid, createdAt, updatedAt, type, name, serviceInstanceGuid, appGuid,
                spaceGuid, managedInstance, credentials, syslogDrainUrl, volumeMounts, lastOperation, brokerOperation, m);
    }

    public ServiceCredentialBinding withOperation(BindingOperation op, String broker) {
        return new ServiceCredentialBinding(guid, createdAt, op.updatedAt(), type, name, serviceInstanceGuid, appGuid,
                spaceGuid, managedInstance, credentials, syslogDrainUrl, volumeMounts, op, broker, metadata);
    }

    /** What the broker (or the user-provided instance) gave, with the operation that gave it. */
    public ServiceCredentialBinding withResult(Map<String, Object> creds, String drain, List<Object> mounts,
                                               BindingOperation op) {
        return new ServiceCredentialBinding(guid, createdAt, op.updatedAt(), type, name, serviceInstanceGuid, appGuid,
                spaceGuid, managedInstance, creds, drain, mounts, op, brokerOperation, metadata);
    }
}
