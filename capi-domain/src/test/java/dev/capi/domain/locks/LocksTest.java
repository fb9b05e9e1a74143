package dev.capi.domain.locks;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.fakes.InMemoryLocks;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.model.Lock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Locks on apps: who may create, read, update and delete them, and the check the app delete calls. */
class LocksTest {
    private final AppFixture f = new AppFixture();
    private final InMemoryLocks rows = new InMemoryLocks();
    private Locks locks;

    @BeforeEach
    void setUp() {
        locks = new Locks(rows, f.spaces, new WritableSpaces(f.orgs), f.tx, f.metadata,
                new Jobs(new InMemoryJobs(), f.clock, f.guids), f.clock, f.guids,
                guid -> guid.equals("app")
                        ? Optional.of(new LockableApps.LockableApp("app", "web", "space", "org")) : Optional.empty());
    }

    private Lock lock(String user) {
        return locks.create(f.as(user), new LockCommands.Create("release", "frozen", "app", null));
    }

    private static void refused(ThrowingCallable call, CfError kind, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    @Test
    void developersLockAnAppAndALockedAppCannotBeDeleted() {
        locks.requireUnlocked("app", "web");
        Lock lock = lock("dev");
        assertThat(lock.spaceGuid()).isEqualTo("space");
        assertThat(lock.organizationGuid()).isEqualTo("org");
        refused(() -> locks.requireUnlocked("app", "web"), CfError.UnprocessableEntity,
                "App 'web' is locked and cannot be deleted.");
    }

    @Test
    void anAppTheUserCannotSeeIsInvalidAndReadersMayNotLock() {
        String invalid = "Invalid app. Ensure that the app exists and you have access to it.";
        refused(() -> lock("outsider"), CfError.UnprocessableEntity, invalid);
        refused(() -> locks.create(f.as("dev"), new LockCommands.Create("t", null, "nope", null)),
                CfError.UnprocessableEntity, invalid);
        refused(() -> lock("auditor"), CfError.NotAuthorized, null);
    }

    @Test
    void aSuspendedOrgIsLockedOnlyByAdmins() {
        f.suspendOrg();
        refused(() -> lock("dev"), CfError.OrgSuspended, null);
        assertThat(locks.create(f.admin(), new LockCommands.Create("release", null, "app", null)).title())
                .isEqualTo("release");
    }

    @Test
    void spaceReadersSeeLocksAndUpdatesKeepWhatTheyDoNotName() {
        Lock lock = lock("dev");
        assertThat(locks.get(f.as("auditor"), lock.guid()).title()).isEqualTo("release");
        refused(() -> locks.get(f.as("outsider"), lock.guid()), CfError.ResourceNotFound, "Lock not found");
        refused(() -> locks.update(f.as("auditor"), lock.guid(), new LockCommands.Update("x", null)),
                CfError.NotAuthorized, null);
        assertThat(locks.update(f.as("dev"), lock.guid(), new LockCommands.Update(null, null)).detail())
                .isEqualTo("frozen");
        assertThat(locks.update(f.as("dev"), lock.guid(), new LockCommands.Update("thawing", null)).detail())
                .isEqualTo("thawing");
    }

    @Test
    void theDeleteJobRemovesTheLockAndSpaceCleanupRemovesTheRest() {
        Lock lock = lock("dev");
        refused(() -> locks.delete(f.as("auditor"), lock.guid()), CfError.NotAuthorized, null);
        locks.deletion().perform(locks.delete(f.as("dev"), lock.guid()));
        assertThat(rows.find(lock.guid())).isEmpty();
        lock("dev");
        locks.deleteSpaceContents("space");
        locks.requireUnlocked("app", "web");
    }
}
