package dev.capi.domain.apps;

import dev.capi.model.App;
import dev.capi.model.AppProcess;

import java.util.function.BiFunction;

/**
 * The command a process runs: its own when it has one, otherwise the one its app's current droplet detected for its
 * type (the reference's {@code ProcessModel#command} fallback to the droplet's {@code process_types}).
 */
public final class EffectiveProcessCommand implements BiFunction<App, AppProcess, String> {
    private final DropletLookup droplets;

    public EffectiveProcessCommand(DropletLookup droplets) {
        this.droplets = droplets;
    }

    @Override
    public String apply(App app, AppProcess process) {
        if (process.command() != null && !process.command().isEmpty() || app.dropletGuid() == null) {
            return process.command();
        }
        return droplets.find(app.dropletGuid()).map(d -> d.processTypes().get(process.type()))
                .orElse(process.command());
    }
}
