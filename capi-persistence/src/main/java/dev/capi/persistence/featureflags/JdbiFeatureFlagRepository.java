package dev.capi.persistence.featureflags;

import dev.capi.domain.featureflags.FeatureFlagRepository;
import dev.capi.model.FeatureFlag;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Feature flag overrides in the {@code feature_flags} table. */
public final class JdbiFeatureFlagRepository implements FeatureFlagRepository {
    private static final RowMapper<FeatureFlag> MAPPER = (rs, ctx) -> new FeatureFlag(rs.getString("name"),
            rs.getBoolean("enabled"), rs.getString("custom_error_message"), TimeColumns.read(rs, "updated_at"));

    private final Jdbi jdbi;

    public JdbiFeatureFlagRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<FeatureFlag> overrides() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM feature_flags ORDER BY name").map(MAPPER).list());
    }

    @Override
    public Optional<FeatureFlag> override(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM feature_flags WHERE name = :n")
                .bind("n", name).map(MAPPER).findOne());
    }

    @Override
    public void save(FeatureFlag flag) {
        jdbi.useHandle(h -> {
            int updated = h.createUpdate("UPDATE feature_flags SET enabled = :enabled, "
                            + "custom_error_message = :customErrorMessage, updated_at = :updatedAt WHERE name = :name")
                    .bindMethods(flag).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO feature_flags (name, enabled, custom_error_message, updated_at) "
                        + "VALUES (:name, :enabled, :customErrorMessage, :updatedAt)").bindMethods(flag).execute();
            }
        });
    }
}
