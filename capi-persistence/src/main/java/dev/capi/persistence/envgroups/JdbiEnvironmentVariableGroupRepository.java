package dev.capi.persistence.envgroups;

import dev.capi.domain.envgroups.EnvironmentVariableGroupRepository;
import dev.capi.model.EnvironmentVariableGroup;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The groups in {@code environment_variable_groups}, variables as JSON text. */
public final class JdbiEnvironmentVariableGroupRepository implements EnvironmentVariableGroupRepository {
    private final Jdbi jdbi;

    public JdbiEnvironmentVariableGroupRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<EnvironmentVariableGroup> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM environment_variable_groups WHERE name = :n")
                .bind("n", name)
                .map((rs, ctx) -> new EnvironmentVariableGroup(rs.getString("name"), variables(rs.getString("variables")),
                        TimeColumns.read(rs, "updated_at")))
                .findOne());
    }

    private static Map<String, String> variables(String json) {
        Map<String, String> variables = new LinkedHashMap<>();
        Json.readMap(json).forEach((k, v) -> variables.put(k, String.valueOf(v)));
        return variables;
    }

    @Override
    public void save(EnvironmentVariableGroup group) {
        jdbi.useHandle(h -> {
            int updated = h.createUpdate("UPDATE environment_variable_groups SET variables = :v, updated_at = :u "
                            + "WHERE name = :n")
                    .bind("v", Json.write(group.variables())).bind("u", group.updatedAt()).bind("n", group.name())
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO environment_variable_groups (name, variables, updated_at) "
                                + "VALUES (:n, :v, :u)")
                        .bind("v", Json.write(group.variables())).bind("u", group.updatedAt())
                        .bind("n", group.name()).execute();
            }
        });
    }
}
