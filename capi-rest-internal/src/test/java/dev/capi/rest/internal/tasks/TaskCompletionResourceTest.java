package dev.capi.rest.internal.tasks;

import dev.capi.model.Task;
import dev.capi.rest.internal.support.InternalApiServer;
import dev.capi.rest.internal.support.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.capi.rest.internal.support.Json.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class TaskCompletionResourceTest {
    private final InternalApiServer api = new InternalApiServer();
    private final Seeds seeds = new Seeds(api.domain);

    @AfterEach
    void stop() {
        api.close();
    }

    private Task reload(Task t) {
        return api.domain.tasks.find(t.guid()).orElseThrow();
    }

    @Test
    void aSucceededTaskIsMarkedSucceeded() {
        var task = seeds.task(Task.RUNNING);

        var response = api.post("/internal/v4/tasks/" + task.guid() + "/completed", "{\"failed\":false}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(reload(task).state()).isEqualTo(Task.SUCCEEDED);
        assertThat(reload(task).failureReason()).isNull();
    }

    @Test
    void aFailedTaskKeepsItsFailureReason() {
        var task = seeds.task(Task.RUNNING);

        var response = api.post("/internal/v4/tasks/" + task.guid() + "/completed",
                "{\"failed\":true,\"failure_reason\":\"Exited with status 1\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(reload(task).state()).isEqualTo(Task.FAILED);
        assertThat(reload(task).failureReason()).isEqualTo("Exited with status 1");
    }

    @Test
    void aReportForAnAlreadyFinishedTaskChangesNothing() {
        var task = seeds.task(Task.SUCCEEDED);

        var response = api.post("/internal/v4/tasks/" + task.guid() + "/completed", "{\"failed\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(reload(task).state()).isEqualTo(Task.SUCCEEDED);
    }

    @Test
    void anUnknownTaskIs404() {
        assertError(api.post("/internal/v4/tasks/no-such-task/completed", "{}"), 404, "CF-ResourceNotFound",
                10010, "Task not found");
    }
}
