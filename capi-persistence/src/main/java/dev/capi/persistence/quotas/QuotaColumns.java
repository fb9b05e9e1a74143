package dev.capi.persistence.quotas;

import dev.capi.domain.errors.CfException;
import dev.capi.model.QuotaLimits;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/** The limit columns both quota tables share, read and bound in one place. */
final class QuotaColumns {
    /** The SQL state of a unique-key violation on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private QuotaColumns() {
    }

    /** The limit columns of {@code alias}; {@code withDomains} for organization quotas. */
    static String select(String alias, boolean withDomains) {
        String a = alias + ".";
        return a + "memory_limit, " + a + "instance_memory_limit, " + a + "app_instance_limit, " + a
                + "app_task_limit, " + a + "log_rate_limit, " + a + "non_basic_services_allowed, " + a
                + "total_services, " + a + "total_service_keys, " + a + "total_routes, " + a
                + "total_reserved_route_ports" + (withDomains ? ", " + a + "total_private_domains" : "");
    }

    static final String INSERT_COLUMNS = "memory_limit, instance_memory_limit, app_instance_limit, app_task_limit, "
            + "log_rate_limit, non_basic_services_allowed, total_services, total_service_keys, total_routes, "
            + "total_reserved_route_ports";
    static final String INSERT_VALUES = ":memory, :instanceMemory, :instances, :tasks, :logRate, :paid, :services, "
            + ":keys, :routes, :ports";
    static final String UPDATE_SET = "memory_limit = :memory, instance_memory_limit = :instanceMemory, "
            + "app_instance_limit = :instances, app_task_limit = :tasks, log_rate_limit = :logRate, "
            + "non_basic_services_allowed = :paid, total_services = :services, total_service_keys = :keys, "
            + "total_routes = :routes, total_reserved_route_ports = :ports";

    static QuotaLimits read(ResultSet rs, boolean withDomains) throws SQLException {
        return new QuotaLimits(rs.getLong("memory_limit"), rs.getLong("instance_memory_limit"),
                rs.getLong("app_instance_limit"), rs.getLong("app_task_limit"), rs.getLong("log_rate_limit"),
                rs.getBoolean("non_basic_services_allowed"), rs.getLong("total_services"),
                rs.getLong("total_service_keys"), rs.getLong("total_routes"),
                rs.getLong("total_reserved_route_ports"),
                withDomains ? rs.getLong("total_private_domains") : QuotaLimits.UNLIMITED);
    }

    static <S extends SqlStatement<S>> S bind(S statement, QuotaLimits l) {
        return statement.bind("memory", l.totalMemoryInMb()).bind("instanceMemory", l.perProcessMemoryInMb())
                .bind("instances", l.totalInstances()).bind("tasks", l.perAppTasks())
                .bind("logRate", l.logRateLimitInBytesPerSecond()).bind("paid", l.paidServicesAllowed())
                .bind("services", l.totalServiceInstances()).bind("keys", l.totalServiceKeys())
                .bind("routes", l.totalRoutes()).bind("ports", l.totalReservedPorts())
                .bind("domains", l.totalPrivateDomains());
    }

    /** Runs a write, turning a unique-key violation into the reference's 422 text. */
    static void uniquely(Runnable write, Supplier<String> alreadyExists) {
        try {
            write.run();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw CfException.unprocessable(alreadyExists.get());
            }
            throw e;
        }
    }
}
