package dev.capi.persistence.quotas;

import dev.capi.domain.quotas.QuotaUsage;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Space;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.quotas.UsageContribution.Level;
import dev.capi.persistence.quotas.UsageContribution.Metric;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage sums contributions over a stand-in table ({@code test_processes}, created here: no resource of this schema
 * contributes yet), per space, per organization and for the platform.
 */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiQuotaUsageRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiQuotaUsageRepository usage;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        var metadata = new JdbiMetadataRepository(jdbi);
        var orgs = new JdbiOrganizationRepository(jdbi, metadata);
        var spaces = new JdbiSpaceRepository(jdbi, metadata);
        orgs.insert(new Organization("o1", t0, t0, "alpha", false, "oq", Metadata.empty()));
        orgs.insert(new Organization("o2", t0, t0, "beta", false, "oq", Metadata.empty()));
        for (String[] s : List.of(new String[]{"s1", "o1", "sq"}, new String[]{"s2", "o1", null},
                new String[]{"s3", "o2", "sq"})) {
            spaces.insert(new Space(s[0], t0, t0, "space-" + s[0], s[1], false, true, s[2], null, Metadata.empty()));
        }
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE test_processes (space_guid VARCHAR(36), state VARCHAR(16), memory BIGINT, "
                    + "instances BIGINT, log_rate BIGINT)");
            h.execute("INSERT INTO test_processes VALUES ('s1', 'STARTED', 256, 2, 100), ('s1', 'STOPPED', 1024, 1, -1),"
                    + " ('s2', 'STARTED', 128, 1, 10), ('s3', 'STARTED', 64, 3, 5)");
            h.execute("CREATE TABLE test_domains (organization_guid VARCHAR(36))");
            h.execute("INSERT INTO test_domains VALUES ('o1'), ('o1'), ('o2')");
        });
        usage = new JdbiQuotaUsageRepository(jdbi, List.of(
                new UsageContribution(Metric.STARTED_INSTANCES, Level.SPACE,
                        "SELECT space_guid, instances AS amount FROM test_processes WHERE state = 'STARTED'"),
                new UsageContribution(Metric.MEMORY_IN_MB, Level.SPACE,
                        "SELECT space_guid, memory * instances AS amount FROM test_processes WHERE state = 'STARTED'"),
                new UsageContribution(Metric.MEMORY_IN_MB, Level.SPACE,
                        "SELECT space_guid, 1000 AS amount FROM test_processes WHERE log_rate = 5"),
                new UsageContribution(Metric.LOG_RATE, Level.SPACE, "SELECT space_guid, log_rate * instances AS "
                        + "amount FROM test_processes WHERE state = 'STARTED' AND log_rate <> -1"),
                new UsageContribution(Metric.UNLIMITED_LOG_RATE_PROCESSES, Level.SPACE,
                        "SELECT space_guid, 1 AS amount FROM test_processes WHERE log_rate = -1"),
                new UsageContribution(Metric.PRIVATE_DOMAINS, Level.ORGANIZATION,
                        "SELECT organization_guid, 1 AS amount FROM test_domains")));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void withoutContributionsEverythingIsZeroAndNothingIsAsked() {
        var none = new JdbiQuotaUsageRepository(db.database().jdbi());
        assertThat(none.platform()).isEqualTo(QuotaUsage.none());
        assertThat(none.organization("o1")).isEqualTo(QuotaUsage.none());
        assertThat(none.space("s1")).isEqualTo(QuotaUsage.none());
        assertThat(none.organizationsWithUnlimitedLogRate("oq")).isEmpty();
        assertThat(none.unlimitedLogRateInSpaces(List.of("s1"))).isFalse();
    }

    @Test
    void sumsEveryContributionPerSpaceOrganizationAndPlatform() {
        assertThat(usage.space("s1")).isEqualTo(new QuotaUsage(2, 512, 0, 200, 0, 0, 0, 0, 0, 0, 1));
        assertThat(usage.organization("o1")).isEqualTo(new QuotaUsage(3, 640, 0, 210, 0, 0, 0, 0, 0, 2, 1));
        assertThat(usage.organization("o2")).isEqualTo(new QuotaUsage(3, 1192, 0, 15, 0, 0, 0, 0, 0, 1, 0));
        assertThat(usage.platform()).isEqualTo(new QuotaUsage(6, 1832, 0, 225, 0, 0, 0, 0, 0, 3, 1));
        assertThat(usage.space("nope")).isEqualTo(QuotaUsage.none());
    }

    @Test
    void findsWhereUnlimitedLogRatesRun() {
        assertThat(usage.organizationsWithUnlimitedLogRate("oq")).containsExactly("alpha");
        assertThat(usage.spacesWithUnlimitedLogRate("sq")).containsExactly("space-s1");
        assertThat(usage.unlimitedLogRateInOrganizations(List.of("o2"))).isFalse();
        assertThat(usage.unlimitedLogRateInOrganizations(List.of("o2", "o1"))).isTrue();
        assertThat(usage.unlimitedLogRateInSpaces(List.of("s2", "s3"))).isFalse();
        assertThat(usage.unlimitedLogRateInSpaces(List.of("s1"))).isTrue();
        assertThat(usage.unlimitedLogRateInSpaces(List.of())).isFalse();
    }
}
