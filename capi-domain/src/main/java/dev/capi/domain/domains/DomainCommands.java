package dev.capi.domain.domains;

import dev.capi.model.MetadataUpdate;

import java.util.List;

/** The commands the domain use cases accept (validated by the REST messages). */
public final class DomainCommands {
    private DomainCommands() {
    }

    /**
     * Create: a private domain when {@code organizationGuid} is given (then {@code sharedOrganizationGuids} may list
     * organizations to share it with), else a shared one, optionally internal or bound to a router group.
     */
    public record Create(String name, boolean internal, String routerGroupGuid, String organizationGuid,
                         List<String> sharedOrganizationGuids, boolean enforceRoutePolicies,
                         String routePoliciesScope, MetadataUpdate metadata) {
        public Create {
            sharedOrganizationGuids = List.copyOf(sharedOrganizationGuids);
        }

        public boolean isPrivate() {
            return organizationGuid != null;
        }
    }

    /** The reference's route reservation query: host, path and port (null when not given). */
    public record Reservation(String host, String path, Integer port) {
    }
}
