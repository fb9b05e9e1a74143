package dev.capi.domain.serviceinstances;

import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.capi.domain.serviceinstances.BrokerOutcome.Kind.FAILED;
import static dev.capi.domain.serviceinstances.BrokerOutcome.Kind.IN_PROGRESS;
import static dev.capi.domain.serviceinstances.BrokerOutcome.Kind.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

/** What each broker answer means, as the reference's response parser decides. */
class BrokerRepliesTest {
    private static final BrokerEndpoint BROKER = new BrokerEndpoint("http://broker", "u", "p");

    private static BrokerReply reply(int status, Map<String, Object> body) {
        return new BrokerReply(status, body, false, Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
            "200, SUCCEEDED, false", "201, SUCCEEDED, false", "202, IN_PROGRESS, false", "400, FAILED, false",
            "401, FAILED, false", "404, FAILED, false", "408, FAILED, false", "409, FAILED, false",
            "422, FAILED, false", "500, FAILED, true", "503, FAILED, true"})
    void provisionAnswers(int status, BrokerOutcome.Kind kind, boolean mitigate) {
        BrokerOutcome outcome = BrokerReplies.provision(reply(status, Map.of()), BROKER);
        assertThat(outcome.kind()).isEqualTo(kind);
        assertThat(outcome.mitigateOrphan()).isEqualTo(mitigate);
    }

    @Test
    void describesFailuresWithTheReferencesTexts() {
        assertThat(BrokerReplies.provision(reply(500, Map.of("description", "boom")), BROKER).description())
                .isEqualTo("Service broker error: boom");
        assertThat(BrokerReplies.provision(reply(500, Map.of()), BROKER).description())
                .isEqualTo("The service broker returned an invalid response. Status Code: 500 Internal Server Error, "
                        + "Body: ");
        assertThat(BrokerReplies.provision(reply(400, Map.of("x", 1)), BROKER).description())
                .isEqualTo("The service broker rejected the request. Status Code: 400 Bad Request, Body: {\"x\":1}");
        assertThat(BrokerReplies.provision(reply(409, Map.of()), BROKER).description())
                .isEqualTo("Resource conflict");
        assertThat(BrokerReplies.provision(reply(401, Map.of()), BROKER).description())
                .startsWith("Authentication failed for the service broker API.");
        assertThat(BrokerReplies.provision(reply(422, Map.of("error", "ConcurrencyError")), BROKER).description())
                .isEqualTo(BrokerReplies.CONCURRENCY);
        assertThat(BrokerReplies.update(reply(422, Map.of("error", "MaintenanceInfoConflict")), BROKER)
                .description()).isEqualTo(BrokerReplies.MAINTENANCE_CONFLICT);
        assertThat(BrokerReplies.unreachable(new BrokerUnreachable("x", false, null), BROKER, true))
                .satisfies(o -> {
                    assertThat(o.description()).isEqualTo("The service broker could not be reached: http://broker");
                    assertThat(o.mitigateOrphan()).isFalse();
                });
        assertThat(BrokerReplies.unreachable(new BrokerUnreachable("x", true, null), BROKER, true).mitigateOrphan())
                .isTrue();
    }

    @Test
    void readsAsynchronousAnswersAndLastOperations() {
        BrokerOutcome async = BrokerReplies.provision(new BrokerReply(202, Map.of("operation", "op",
                "last_operation", Map.of("description", "queued")), false, Optional.of(Duration.ofSeconds(7))), BROKER);
        assertThat(async.kind()).isEqualTo(IN_PROGRESS);
        assertThat(async.operation()).isEqualTo("op");
        assertThat(async.description()).isEqualTo("queued");
        assertThat(BrokerReplies.lastOperation(reply(200, Map.of("state", "succeeded")), "create").kind())
                .isEqualTo(SUCCEEDED);
        assertThat(BrokerReplies.lastOperation(reply(200, Map.of("state", "failed", "description", "d")), "create"))
                .satisfies(o -> assertThat(o.kind()).isEqualTo(FAILED));
        assertThat(BrokerReplies.lastOperation(reply(200, Map.of()), "create").kind()).isEqualTo(IN_PROGRESS);
        assertThat(BrokerReplies.lastOperation(reply(200, Map.of()), "delete").kind()).isEqualTo(SUCCEEDED);
        assertThat(BrokerReplies.lastOperation(reply(410, Map.of()), "delete").kind()).isEqualTo(SUCCEEDED);
        assertThat(BrokerReplies.lastOperation(reply(500, Map.of()), "create").kind()).isEqualTo(IN_PROGRESS);
        assertThat(BrokerReplies.deprovision(reply(410, Map.of()), BROKER).kind()).isEqualTo(SUCCEEDED);
        assertThat(BrokerReplies.provision(new BrokerReply(201, Map.of(), true, Optional.empty()), BROKER)
                .mitigateOrphan()).isTrue();
        assertThat(BrokerReplies.provision(new BrokerReply(200, Map.of(), true, Optional.empty()), BROKER)
                .mitigateOrphan()).isFalse();
    }
}
