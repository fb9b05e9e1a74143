package dev.capi.domain.servicebindings;

import dev.capi.model.MetadataUpdate;

import java.util.Map;

/** What clients ask of bindings, parsed and validated by the REST messages. */
public final class BindingCommands {
    private BindingCommands() {
    }

    /**
     * {@code POST /v3/service_credential_bindings}: type {@code app} (with {@code appGuid}) or {@code key};
     * {@code parameters} null when not given; {@code strategy} null, {@code single} or {@code multiple}.
     */
    public record CreateCredential(String type, String name, String serviceInstanceGuid, String appGuid,
                                   Map<String, Object> parameters, String strategy, MetadataUpdate metadata,
                                   Map<String, Object> auditRequest) {
    }

    /** {@code POST /v3/service_route_bindings}. */
    public record CreateRoute(String serviceInstanceGuid, String routeGuid, Map<String, Object> parameters,
                              MetadataUpdate metadata, Map<String, Object> auditRequest) {
    }
}
