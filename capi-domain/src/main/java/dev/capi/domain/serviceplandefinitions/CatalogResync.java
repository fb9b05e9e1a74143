package dev.capi.domain.serviceplandefinitions;

import dev.capi.domain.servicebrokers.BrokerCatalog;
import dev.capi.domain.servicebrokers.CatalogFetch;
import dev.capi.domain.servicebrokers.CatalogReader;
import dev.capi.domain.servicebrokers.CatalogSync;
import dev.capi.domain.support.Transactions;
import dev.capi.model.ServiceBroker;

/**
 * The catalog sync that follows a plan definition change: fetches the broker's catalog (outside any transaction),
 * then checks and applies it in one transaction, as the broker synchronization job does, so that a defined plan
 * appears, changes or goes away as the broker now lists it.
 */
public final class CatalogResync {
    private final CatalogFetch fetch;
    private final CatalogReader reader;
    private final CatalogSync sync;
    private final Transactions tx;

    public CatalogResync(CatalogFetch fetch, CatalogReader reader, CatalogSync sync, Transactions tx) {
        this.fetch = fetch;
        this.reader = reader;
        this.sync = sync;
        this.tx = tx;
    }

    public void resync(ServiceBroker broker) {
        var body = fetch.fetch(PlanDefinitionAccess.endpoint(broker));
        tx.run(() -> {
            BrokerCatalog catalog = reader.read(body, sync.existing(broker));
            sync.apply(broker, catalog);
        });
    }
}
