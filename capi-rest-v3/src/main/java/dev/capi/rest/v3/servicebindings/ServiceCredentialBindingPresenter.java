package dev.capi.rest.v3.servicebindings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.ServiceCredentialBinding;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Credential binding JSON and its details, as the reference presents them. */
public final class ServiceCredentialBindingPresenter {
    private ServiceCredentialBindingPresenter() {
    }

    public static ObjectNode present(ServiceCredentialBinding b, Links links) {
        ObjectNode node = JsonSupport.resource(b.guid(), b.createdAt(), b.updatedAt());
        node.put("name", b.name());
        node.put("type", b.type());
        node.set("last_operation", BindingPresentation.lastOperation(b.lastOperation()));
        node.set("metadata", MetadataPresenter.present(b.metadata()));
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("service_instance", MetadataPresenter.relationship(b.serviceInstanceGuid()));
        if (b.appGuid() != null) {
            relationships.set("app", MetadataPresenter.relationship(b.appGuid()));
        }
        ObjectNode l = node.putObject("links");
        String self = "/v3/service_credential_bindings/" + b.guid();
        l.set("self", links.href(self));
        l.set("details", links.href(self + "/details"));
        l.set("service_instance", links.href("/v3/service_instances/" + b.serviceInstanceGuid()));
        if (b.managedInstance()) {
            l.set("parameters", links.href(self + "/parameters"));
        }
        if (b.appGuid() != null) {
            l.set("app", links.href("/v3/apps/" + b.appGuid()));
        }
        return node;
    }

    /** {@code GET .../details}: credentials, and the syslog drain URL and volume mounts when present. */
    public static ObjectNode details(ServiceCredentialBinding b) {
        ObjectNode node = JsonSupport.object();
        node.set("credentials", JsonSupport.MAPPER.valueToTree(b.credentials()));
        if (b.syslogDrainUrl() != null) {
            node.put("syslog_drain_url", b.syslogDrainUrl());
        }
        if (b.volumeMounts() != null) {
            node.set("volume_mounts", JsonSupport.MAPPER.valueToTree(b.volumeMounts()));
        }
        return node;
    }
}
