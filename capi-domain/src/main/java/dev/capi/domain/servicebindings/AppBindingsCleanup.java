package dev.capi.domain.servicebindings;

import dev.capi.domain.apps.AppCleanup;

import java.util.List;

/**
 * An app's credential bindings go with the app: bindings of managed instances are first unbound through their broker
 * ({@link BindingRemoval#unbindApp}; one not gone yet keeps the app), then what is left (and its metadata) is removed.
 */
public final class AppBindingsCleanup implements AppCleanup {
    private final BindingContext c;
    private final BindingRemoval removal;

    public AppBindingsCleanup(BindingContext c, BindingRemoval removal) {
        this.c = c;
        this.removal = removal;
    }

    @Override
    public List<String> releaseAppContents(String appGuid) {
        return removal.unbindApp(appGuid, null, null);
    }

    @Override
    public void deleteAppContents(String appGuid) {
        for (String guid : c.credentialBindings().ofApp(appGuid)) {
            c.metadataStore().delete(guid);
            c.credentialBindings().delete(guid);
        }
    }
}
