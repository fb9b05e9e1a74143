package dev.capi.domain.droplets;

import dev.capi.domain.apps.DropletLookup;

import java.util.Optional;

/** What apps, tasks and deployments read of a droplet, straight from the droplet rows. */
public final class StoredDropletLookup implements DropletLookup {
    private final DropletRepository droplets;

    public StoredDropletLookup(DropletRepository droplets) {
        this.droplets = droplets;
    }

    @Override
    public Optional<Droplet> find(String dropletGuid) {
        return droplets.find(dropletGuid).map(d -> new Droplet(d.guid(), d.createdAt(), d.updatedAt(), d.appGuid(),
                d.state(), d.processTypes()));
    }
}
