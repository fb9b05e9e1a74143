package dev.capi.domain.servicebindings;

import dev.capi.domain.apps.AppCleanup;
import dev.capi.domain.metadata.MetadataRepository;

/**
 * An app's credential bindings (and their metadata) go with the app. Bindings of managed instances are removed here
 * without an unbind request to their broker (the reference sends one): see the area's notes.
 */
public final class AppBindingsCleanup implements AppCleanup {
    private final CredentialBindingRepository bindings;
    private final MetadataRepository metadata;

    public AppBindingsCleanup(CredentialBindingRepository bindings, MetadataRepository metadata) {
        this.bindings = bindings;
        this.metadata = metadata;
    }

    @Override
    public void deleteAppContents(String appGuid) {
        for (String guid : bindings.ofApp(appGuid)) {
            metadata.delete(guid);
            bindings.delete(guid);
        }
    }
}
