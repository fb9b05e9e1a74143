package dev.capi.domain.processes;

import dev.capi.model.MetadataUpdate;

/** The commands the processes use cases accept (validated by the REST messages). */
public final class ProcessCommands {
    private ProcessCommands() {
    }

    /** A field that was given in a PATCH, possibly as null; a null {@code Change} means "not given". */
    public record Change<T>(T value) {
        public static <T> Change<T> to(T value) {
            return new Change<>(value);
        }
    }

    /** Changes to a health or readiness check; each part optional. */
    public record CheckUpdate(Change<String> type, Change<String> endpoint, Change<Integer> timeout,
                              Change<Integer> invocationTimeout, Change<Integer> interval) {
    }

    /** Update: command and user (null value: back to the default), checks, metadata; all optional. */
    public record Update(Change<String> command, Change<String> user, CheckUpdate healthCheck,
                         CheckUpdate readinessCheck, MetadataUpdate metadata) {
    }

    /** Scale: each part optional (null: unchanged). */
    public record Scale(Integer instances, Long memoryInMb, Long diskInMb, Long logRateLimit) {
    }
}
