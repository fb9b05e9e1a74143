package dev.capi.persistence.jobs;

import dev.capi.model.Job;
import dev.capi.model.JobState;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.persistence.JdbiTransactions;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.domain.errors.CfException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jobs are claimed exactly once even when several nodes (threads with their own connections) poll at once. */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiJobRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiJobRepository jobs;
    private JdbiTransactions tx;
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        jobs = new JdbiJobRepository(db.database().jdbi());
        tx = new JdbiTransactions(db.database().jdbi());
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void concurrentNodesNeverClaimTheSameJob() throws Exception {
        int total = 40;
        for (int i = 0; i < total; i++) {
            jobs.insert(new Job("job-" + i, t0, t0, "test.op", JobState.PROCESSING, null, null, List.of(), List.of()));
        }
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int n = 0; n < 4; n++) {
            String node = "node-" + n;
            nodes.submit(() -> {
                start.await();
                while (true) {
                    Optional<Job> job = tx.inTransaction(() -> jobs.claimNext(node, t0));
                    if (job.isEmpty()) {
                        return null;
                    }
                    if (!claimed.add(job.get().guid())) {
                        duplicates.add(job.get().guid());
                    }
                }
            });
        }
        start.countDown();
        nodes.shutdown();
        assertThat(nodes.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(duplicates).isEmpty();
        assertThat(claimed).hasSize(total);
    }

    @Test
    void aUniqueKeyRaceBecomesUnprocessableAndRollsBack() {
        var orgs = new JdbiOrganizationRepository(db.database().jdbi(), new JdbiMetadataRepository(db.database().jdbi()));
        orgs.insert(new Organization("o1", t0, t0, "taken", false, null, Metadata.empty()));
        assertThatThrownBy(() -> tx.run(() -> {
            orgs.insert(new Organization("o2", t0, t0, "other", false, null, Metadata.empty()));
            orgs.insert(new Organization("o3", t0, t0, "taken", false, null, Metadata.empty()));
        })).isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(422));
        assertThat(orgs.find("o2")).isEmpty();
    }
}
