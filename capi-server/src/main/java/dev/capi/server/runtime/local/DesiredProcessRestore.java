package dev.capi.server.runtime.local;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.apps.ProcessSync;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * At start, tells the (empty) local runtime what the database says should run: every started app with a droplet
 * converges its processes, as Diego's sync brings a cell back in line after a restart.
 */
public final class DesiredProcessRestore {
    private static final Logger LOG = LoggerFactory.getLogger(DesiredProcessRestore.class);

    private DesiredProcessRestore() {
    }

    public static int restore(Transactions tx, AppRepository apps, ProcessRepository processes, ProcessSync sync) {
        record Started(App app, List<AppProcess> processes) {
        }
        List<Started> started = tx.inTransaction(() -> {
            List<Started> found = new ArrayList<>();
            ListQuery query = ListQuery.all();
            for (long page = 1; ; page++) {
                var result = apps.list(new ListQuery(page, query.perPage(), query.orderBy(), Map.of(), List.of(),
                        null, query.visibility()));
                List<App> running = result.resources().stream()
                        .filter(a -> a.started() && a.dropletGuid() != null).toList();
                Map<String, List<AppProcess>> byApp = new java.util.HashMap<>();
                processes.forApps(running.stream().map(App::guid).toList())
                        .forEach(p -> byApp.computeIfAbsent(p.appGuid(), g -> new ArrayList<>()).add(p));
                running.forEach(a -> found.add(new Started(a, byApp.getOrDefault(a.guid(), List.of()))));
                if (result.resources().size() < query.perPage()) {
                    return found;
                }
            }
        });
        for (Started s : started) {
            try {
                sync.converge(s.app(), s.processes());
            } catch (RuntimeException e) {
                LOG.warn("could not restore the processes of app {}: {}", s.app().guid(), e.getMessage());
            }
        }
        if (!started.isEmpty()) {
            LOG.info("restored the processes of {} started apps", started.size());
        }
        return started.size();
    }
}
