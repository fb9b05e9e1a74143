package dev.capi.domain.servicebindings;

import dev.capi.domain.organizations.OrganizationCleanup;

import java.util.List;

/**
 * Removes the bindings (credential and route, with their metadata) of a deleted space or organization, and of a
 * deleted app.
 */
public final class BindingCleanup implements OrganizationCleanup {
    private final BindingContext c;

    public BindingCleanup(BindingContext c) {
        this.c = c;
    }

    @Override
    public void deleteSpaceContents(String spaceGuid) {
        remove(c.credentialBindings().inSpace(spaceGuid), c.routeBindings().inSpace(spaceGuid));
    }

    @Override
    public void deleteOrganizationContents(String organizationGuid) {
        remove(c.credentialBindings().inOrganization(organizationGuid),
                c.routeBindings().inOrganization(organizationGuid));
    }

    /** An app's bindings go with the app. */
    public void deleteAppBindings(String appGuid) {
        remove(c.credentialBindings().ofApp(appGuid), List.of());
    }

    private void remove(List<String> credentialGuids, List<String> routeGuids) {
        for (String guid : credentialGuids) {
            c.metadataStore().delete(guid);
            c.credentialBindings().delete(guid);
        }
        for (String guid : routeGuids) {
            c.metadataStore().delete(guid);
            c.routeBindings().delete(guid);
        }
    }
}
