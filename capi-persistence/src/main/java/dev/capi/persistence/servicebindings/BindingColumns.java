package dev.capi.persistence.servicebindings;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.capi.domain.servicebindings.BindingRequest;
import dev.capi.domain.servicebindings.PollSchedule;
import dev.capi.model.BindingOperation;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns both binding tables share: last operation, broker operation, the request (parameters and actor) and the
 * poll schedule; each read and written the same way for {@code service_credential_bindings} and
 * {@code service_route_bindings}.
 */
final class BindingColumns {
    private final String table;

    BindingColumns(String table) {
        this.table = table;
    }

    static BindingOperation operation(ResultSet rs) throws SQLException {
        String type = rs.getString("last_operation_type");
        if (type == null) {
            Instant created = TimeColumns.read(rs, "created_at");
            return new BindingOperation("create", "succeeded", "", created, TimeColumns.read(rs, "updated_at"));
        }
        return new BindingOperation(type, rs.getString("last_operation_state"),
                rs.getString("last_operation_description"), TimeColumns.read(rs, "last_operation_created_at"),
                TimeColumns.read(rs, "last_operation_updated_at"));
    }

    static Map<String, Object> map(String json) {
        return json == null ? null : Json.readMap(json);
    }

    static List<Object> list(String json) {
        return json == null ? null : Json.readList(json, new TypeReference<List<Object>>() { });
    }

    static Update bindOperation(Update u, BindingOperation op, String brokerOperation) {
        return u.bind("opType", op.type()).bind("opState", op.state()).bind("opDescription", op.description())
                .bindByType("opCreated", op.createdAt(), Instant.class)
                .bindByType("opUpdated", op.updatedAt(), Instant.class).bind("brokerOperation", brokerOperation);
    }

    static final String OPERATION_SET = "last_operation_type = :opType, last_operation_state = :opState, "
            + "last_operation_description = :opDescription, last_operation_created_at = :opCreated, "
            + "last_operation_updated_at = :opUpdated, broker_operation = :brokerOperation";

    Optional<BindingRequest> request(Handle h, String guid) {
        return h.createQuery("SELECT request_parameters, actor_guid, actor_name FROM " + table + " WHERE guid = :g")
                .bind("g", guid).map((rs, ctx) -> new BindingRequest(map(rs.getString("request_parameters")),
                        rs.getString("actor_guid"), rs.getString("actor_name"))).findOne();
    }

    void recordActor(Handle h, String guid, String actorGuid, String actorName) {
        h.createUpdate("UPDATE " + table + " SET actor_guid = :a, actor_name = :n WHERE guid = :g")
                .bind("a", actorGuid).bind("n", actorName).bind("g", guid).execute();
    }

    void clearParameters(Handle h, String guid) {
        h.createUpdate("UPDATE " + table + " SET request_parameters = NULL WHERE guid = :g").bind("g", guid).execute();
    }

    void schedule(Handle h, String guid, PollSchedule s) {
        h.createUpdate("UPDATE " + table + " SET job_guid = :j, next_poll_at = :n, poll_deadline = :d WHERE guid = :g")
                .bind("j", s.jobGuid()).bindByType("n", s.nextPollAt(), Instant.class)
                .bindByType("d", s.deadline(), Instant.class).bind("g", guid).execute();
    }

    Optional<PollSchedule> schedule(Handle h, String guid) {
        return h.createQuery("SELECT job_guid, next_poll_at, poll_deadline FROM " + table
                        + " WHERE guid = :g AND job_guid IS NOT NULL")
                .bind("g", guid).map((rs, ctx) -> new PollSchedule(rs.getString("job_guid"),
                        TimeColumns.read(rs, "next_poll_at"), TimeColumns.read(rs, "poll_deadline"))).findOne();
    }

    void unschedule(Handle h, String guid) {
        h.createUpdate("UPDATE " + table + " SET job_guid = NULL, next_poll_at = NULL, poll_deadline = NULL "
                + "WHERE guid = :g").bind("g", guid).execute();
    }

    List<String> claimDue(Handle h, Instant now, int limit) {
        return h.createQuery("SELECT guid FROM " + table + " WHERE next_poll_at <= :now ORDER BY next_poll_at, id "
                        + "LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                .bind("now", now).mapTo(String.class).list();
    }

    static String jsonOrNull(Object value) {
        return value == null ? null : Json.write(value);
    }
}
