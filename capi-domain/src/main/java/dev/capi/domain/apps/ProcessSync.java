package dev.capi.domain.apps;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.Runtime;
import dev.capi.domain.runtime.RuntimeUnavailableException;
import dev.capi.model.App;
import dev.capi.model.AppProcess;

import java.util.List;

/**
 * Tells the runtime what the database now says, after the change committed (the reference's process observer): a
 * started process of an app with a droplet is desired, any other one stopped. A runtime that cannot be reached
 * answers 503 RunnerUnavailable; the committed change stays (the runtime converges later).
 */
public final class ProcessSync {
    private final Runtime runtime;
    private final AppSettings settings;
    private final java.util.function.BiFunction<App, AppProcess, java.util.Map<String, String>> environment;

    public ProcessSync(Runtime runtime, AppSettings settings,
                       java.util.function.BiFunction<App, AppProcess, java.util.Map<String, String>> environment,
                       java.util.function.BiFunction<App, AppProcess, String> commands) {
        this.commands = commands;
        this.environment = environment;
        this.runtime = runtime;
        this.settings = settings;
    }

    private final java.util.function.BiFunction<App, AppProcess, String> commands;

    public Runtime runtime() {
        return runtime;
    }

    public void converge(App app, List<AppProcess> processes) {
        call(() -> processes.forEach(p -> {
            if (p.started() && app.started() && app.dropletGuid() != null) {
                runtime.desire(desired(app, p));
            } else {
                runtime.stop(p.guid());
            }
        }));
    }

    /** Stops every instance, then desires the started processes again (restart). */
    public void restart(App app, List<AppProcess> processes) {
        call(() -> processes.forEach(p -> runtime.stop(p.guid())));
        converge(app, processes);
    }

    public void stop(List<AppProcess> processes) {
        call(() -> processes.forEach(p -> runtime.stop(p.guid())));
    }

    DesiredProcess desired(App app, AppProcess p) {
        return new DesiredProcess(p.guid(), p.version(), app.guid(), p.type(), app.dropletGuid(),
                commands.apply(app, p),
                p.user(), p.instances(), p.memoryInMb(), p.diskInMb(), p.logRateLimit(),
                settings.fileDescriptorLimit(), p.healthCheck().type(), p.healthCheck().endpoint(),
                p.healthCheck().timeout(), null, environment.apply(app, p));
    }

    private static void call(Runnable work) {
        try {
            work.run();
        } catch (RuntimeUnavailableException e) {
            throw CfException.of(CfError.RunnerUnavailable, "Unable to communicate with Diego");
        }
    }
}
