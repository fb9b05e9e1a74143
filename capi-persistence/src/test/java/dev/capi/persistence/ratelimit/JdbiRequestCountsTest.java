package dev.capi.persistence.ratelimit;

import dev.capi.domain.ratelimit.RequestCounts.RequestCount;
import dev.capi.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiRequestCountsTest {
    private static final long NOW = 1_700_000_000L;

    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiRequestCounts counts;

    @BeforeEach
    void setUp() {
        db = target.open();
        counts = new JdbiRequestCounts(db.database().jdbi());
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void firstRequestStartsAWindowAndLaterOnesCountInIt() {
        assertThat(counts.increment("user:u1", NOW, NOW + 60)).isEqualTo(new RequestCount(1, NOW + 60));
        assertThat(counts.increment("user:u1", NOW + 5, NOW + 65)).isEqualTo(new RequestCount(2, NOW + 60));
        assertThat(counts.increment("user:u1", NOW + 59, NOW + 119)).isEqualTo(new RequestCount(3, NOW + 60));
    }

    @Test
    void anExpiredWindowStartsAgainAtOne() {
        counts.increment("user:u1", NOW, NOW + 60);
        counts.increment("user:u1", NOW + 1, NOW + 60);
        assertThat(counts.increment("user:u1", NOW + 60, NOW + 120)).isEqualTo(new RequestCount(1, NOW + 120));
        assertThat(counts.increment("user:u1", NOW + 61, NOW + 120)).isEqualTo(new RequestCount(2, NOW + 120));
    }

    @Test
    void keysAreCountedApart() {
        counts.increment("user:u1", NOW, NOW + 60);
        counts.increment("user:u1", NOW, NOW + 60);
        assertThat(counts.increment("ip:10.0.0.1", NOW, NOW + 30)).isEqualTo(new RequestCount(1, NOW + 30));
        assertThat(counts.increment("user:u2", NOW, NOW + 60).count()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsAreEachCountedOnce() throws Exception {
        int threads = 4;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Long>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    List<Long> seen = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seen.add(counts.increment("user:racer", NOW, NOW + 60).count());
                    }
                    return seen;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : pool.invokeAll(work)) {
                all.addAll(f.get());
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(threads * perThread);
            assertThat(all.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
