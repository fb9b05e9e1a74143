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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A job and its queue entry are written in the enqueuing transaction: both or neither; the wake-up after the commit. */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiJobRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiJobRepository jobs;
    private JdbiTransactions tx;
    private final AtomicInteger enqueued = new AtomicInteger();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        jobs = new JdbiJobRepository(db.database(), enqueued::incrementAndGet);
        tx = new JdbiTransactions(db.database().jdbi());
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void insertQueuesTheJobInTheSameTransactionAndSignalsAfterCommit() {
        tx.run(() -> {
            jobs.insert(job("job-1"));
            assertThat(enqueued).as("not before the commit").hasValue(0);
        });
        assertThat(queued("job-1")).isEqualTo(1);
        assertThat(jobs.find("job-1")).isPresent();
        assertThat(enqueued).hasValue(1);
    }

    @Test
    void aRolledBackInsertQueuesNothing() {
        assertThatThrownBy(() -> tx.run(() -> {
            jobs.insert(job("job-2"));
            throw new IllegalStateException("the request failed after enqueuing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(queued("job-2")).isZero();
        assertThat(jobs.find("job-2")).isEmpty();
        assertThat(enqueued).hasValue(0);
    }

    @Test
    void anInsertOutsideATransactionCommitsBoth() {
        jobs.insert(job("job-3"));
        assertThat(queued("job-3")).isEqualTo(1);
        assertThat(enqueued).hasValue(1);
    }

    private Job job(String guid) {
        return new Job(guid, t0, t0, "test.op", JobState.PROCESSING, null, null, List.of(), List.of());
    }

    private int queued(String guid) {
        return db.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'capi-job' AND task_instance = :g")
                .bind("g", guid).mapTo(Integer.class).one());
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
