package dev.capi.domain.serviceinstances;

import dev.capi.domain.jobs.JobHandler;
import dev.capi.model.Job;

import java.util.List;

/**
 * The managed instance jobs: {@code service_instance.create}, {@code .update} and {@code .delete}. Each makes the
 * first broker call; an asynchronous answer leaves the job POLLING for {@link ServiceInstancePoller}.
 */
public final class ServiceInstanceJobs {
    public static final String CREATE = "service_instance.create";
    public static final String UPDATE = "service_instance.update";
    public static final String DELETE = "service_instance.delete";

    private ServiceInstanceJobs() {
    }

    public static List<JobHandler> handlers(BrokerOperations operations) {
        return List.of(new Handler(CREATE, OperationResults.CREATE, operations),
                new Handler(UPDATE, OperationResults.UPDATE, operations),
                new Handler(DELETE, OperationResults.DELETE, operations));
    }

    private record Handler(String operation, String type, BrokerOperations operations) implements JobHandler {
        @Override
        public void perform(Job job) {
            operations.start(job, type);
        }
    }
}
