package dev.capi.domain.tasks;

import dev.capi.domain.errors.CfException;
import dev.capi.model.Task;

import java.util.Map;
import java.util.Set;

/**
 * The task state machine: PENDING -> RUNNING, CANCELING or FAILED; RUNNING -> SUCCEEDED, FAILED or CANCELING;
 * CANCELING -> SUCCEEDED or FAILED (the runtime's report wins); SUCCEEDED and FAILED are final.
 */
public final class TaskStates {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            Task.PENDING, Set.of(Task.RUNNING, Task.CANCELING, Task.FAILED),
            Task.RUNNING, Set.of(Task.SUCCEEDED, Task.FAILED, Task.CANCELING),
            Task.CANCELING, Set.of(Task.SUCCEEDED, Task.FAILED),
            Task.SUCCEEDED, Set.of(),
            Task.FAILED, Set.of());

    private TaskStates() {
    }

    public static boolean allowed(String from, String to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Cancelling a task that already ended: the reference's 422. */
    static void requireCancelable(Task t) {
        if (!allowed(t.state(), Task.CANCELING)) {
            throw CfException.unprocessable("Task state is " + t.state() + " and therefore cannot be canceled");
        }
    }
}
