package dev.capi.domain.servicebindings;

import dev.capi.domain.jobs.JobHandler;

import java.util.ArrayList;
import java.util.List;

/** The bind and unbind job handlers of every binding kind, under the reference's job names. */
public final class BindingJobs {
    private BindingJobs() {
    }

    public static List<JobHandler> all(BindingContext c) {
        List<JobHandler> handlers = new ArrayList<>();
        for (BindingKind kind : List.of(new CredentialBindingKind(c), new RouteBindingKind(c))) {
            kind.createJobs().forEach(op -> handlers.add(new BindingJob(op, false, kind, c)));
            kind.deleteJobs().forEach(op -> handlers.add(new BindingJob(op, true, kind, c)));
        }
        return List.copyOf(handlers);
    }
}
