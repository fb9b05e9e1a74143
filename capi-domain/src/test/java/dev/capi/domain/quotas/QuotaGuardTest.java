package dev.capi.domain.quotas;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.quotas.QuotaGuard.ProcessDemand;
import dev.capi.model.QuotaLimits;
import org.junit.jupiter.api.Test;

import static dev.capi.model.QuotaLimits.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotaGuardTest {
    private final QuotaGuard guard = new QuotaGuard();

    /** A limits builder: every limit unlimited, paid plans allowed, until set. */
    private static final class L {
        long memory = UNLIMITED;
        long perProcess = UNLIMITED;
        long instances = UNLIMITED;
        long tasks = UNLIMITED;
        long logRate = UNLIMITED;
        boolean paid = true;
        long services = UNLIMITED;
        long keys = UNLIMITED;
        long routes = UNLIMITED;
        long ports = UNLIMITED;
        long domains = UNLIMITED;

        QuotaLimits get() {
            return new QuotaLimits(memory, perProcess, instances, tasks, logRate, paid, services, keys, routes, ports,
                    domains);
        }
    }

    private static L limits() {
        return new L();
    }

    private static QuotaUsage usage(long instances, long memory, long pendingTaskMemory, long logRate, long tasks,
                                    long routes, long ports, long services, long keys, long domains) {
        return new QuotaUsage(instances, memory, pendingTaskMemory, logRate, tasks, routes, ports, services, keys,
                domains, 0);
    }

    private static QuotaUsage memoryUsed(long mb) {
        return usage(0, mb, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static QuotaScope scope(QuotaLimits org, QuotaUsage orgUsage, QuotaLimits space, QuotaUsage spaceUsage) {
        return new QuotaScope("my-org", org, orgUsage, "my-space", space, spaceUsage);
    }

    private static QuotaScope orgOnly(QuotaLimits org, QuotaUsage orgUsage) {
        return scope(org, orgUsage, null, QuotaUsage.none());
    }

    private static QuotaScope spaceOnly(QuotaLimits space, QuotaUsage spaceUsage) {
        return scope(null, QuotaUsage.none(), space, spaceUsage);
    }

    private static ProcessDemand started(long memory, long instances, long logRate) {
        return new ProcessDemand(true, memory, instances, logRate);
    }

    private static void refused(Runnable check, String detail) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(CfError.UnprocessableEntity);
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    private static void refused(Runnable check, CfError kind, String detail) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.kind().httpStatus()).isEqualTo(400);
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    private static void allowed(Runnable check) {
        assertThatCode(check::run).doesNotThrowAnyException();
    }

    // processes

    @Test
    void nothingLimitsAProcessWithoutQuotas() {
        allowed(() -> guard.checkProcess(scope(null, null, null, null), null, started(1 << 20, 1000, UNLIMITED)));
    }

    @Test
    void processMemoryMustFitTheSpaceQuotaThenTheOrgQuota() {
        var space = limits();
        space.memory = 1024;
        allowed(() -> guard.checkProcess(spaceOnly(space.get(), memoryUsed(512)), null, started(256, 2, 1)));
        refused(() -> guard.checkProcess(spaceOnly(space.get(), memoryUsed(512)), null, started(256, 3, 1)),
                "memory space_quota_exceeded");
        var org = limits();
        org.memory = 2048;
        refused(() -> guard.checkProcess(orgOnly(org.get(), memoryUsed(2000)), null, started(64, 1, 1)),
                "memory quota_exceeded");
        refused(() -> guard.checkProcess(scope(org.get(), memoryUsed(2000), space.get(), memoryUsed(1000)), null,
                started(64, 1, 1)), "memory space_quota_exceeded, memory quota_exceeded");
    }

    @Test
    void pendingTaskMemoryCountsAgainstTheQuota() {
        var org = limits();
        org.memory = 1024;
        refused(() -> guard.checkProcess(orgOnly(org.get(), usage(0, 512, 512, 0, 0, 0, 0, 0, 0, 0)), null,
                started(1, 1, 1)), "memory quota_exceeded");
    }

    @Test
    void scalingAStartedProcessOnlyAsksForTheDifference() {
        var org = limits();
        org.memory = 1024;
        org.instances = 4;
        QuotaUsage used = usage(4, 1024, 0, 0, 0, 0, 0, 0, 0, 0);
        ProcessDemand current = started(256, 4, 1);
        allowed(() -> guard.checkProcess(orgOnly(org.get(), used), current, started(128, 4, 1)));
        refused(() -> guard.checkProcess(orgOnly(org.get(), used), current, started(256, 5, 1)),
                "memory quota_exceeded, app_instance_limit app_instance_limit_exceeded");
        ProcessDemand stopped = new ProcessDemand(false, 256, 4, 1);
        refused(() -> guard.checkProcess(orgOnly(org.get(), used), stopped, started(256, 1, 1)),
                "memory quota_exceeded, app_instance_limit app_instance_limit_exceeded");
    }

    @Test
    void aStoppedProcessIsNeverRefused() {
        var org = limits();
        org.memory = 1;
        org.instances = 0;
        org.perProcess = 1;
        allowed(() -> guard.checkProcess(orgOnly(org.get(), memoryUsed(5)), null,
                new ProcessDemand(false, 1024, 10, UNLIMITED)));
    }

    @Test
    void memoryPerInstanceIsCheckedOrgFirstThenSpace() {
        var org = limits();
        org.perProcess = 512;
        var space = limits();
        space.perProcess = 256;
        allowed(() -> guard.checkProcess(scope(org.get(), null, space.get(), null), null, started(256, 1, 1)));
        refused(() -> guard.checkProcess(scope(org.get(), null, space.get(), null), null, started(300, 1, 1)),
                "memory space_instance_memory_limit_exceeded");
        refused(() -> guard.checkProcess(scope(org.get(), null, space.get(), null), null, started(600, 1, 1)),
                "memory instance_memory_limit_exceeded, memory space_instance_memory_limit_exceeded");
    }

    @Test
    void startedInstancesAreCheckedOrgFirstThenSpace() {
        var org = limits();
        org.instances = 10;
        var space = limits();
        space.instances = 3;
        QuotaUsage orgUsed = usage(8, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        QuotaUsage spaceUsed = usage(2, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        allowed(() -> guard.checkProcess(scope(org.get(), orgUsed, space.get(), spaceUsed), null, started(1, 1, 1)));
        refused(() -> guard.checkProcess(scope(org.get(), orgUsed, space.get(), spaceUsed), null, started(1, 2, 1)),
                "app_instance_limit space_app_instance_limit_exceeded");
        refused(() -> guard.checkProcess(scope(org.get(), orgUsed, space.get(), spaceUsed), null, started(1, 3, 1)),
                "app_instance_limit app_instance_limit_exceeded, app_instance_limit space_app_instance_limit_exceeded");
    }

    @Test
    void logRateMustFitAndCannotBeUnlimitedUnderAFiniteQuota() {
        var space = limits();
        space.logRate = 1000;
        QuotaUsage used = usage(0, 0, 0, 600, 0, 0, 0, 0, 0, 0);
        allowed(() -> guard.checkProcess(spaceOnly(space.get(), used), null, started(1, 2, 200)));
        refused(() -> guard.checkProcess(spaceOnly(space.get(), used), null, started(1, 3, 200)),
                "log_rate_limit exceeds space log rate quota");
        refused(() -> guard.checkProcess(spaceOnly(space.get(), used), null, started(1, 1, UNLIMITED)),
                "log_rate_limit cannot be unlimited in space 'my-space'.");
        var org = limits();
        org.logRate = 100;
        refused(() -> guard.checkProcess(scope(org.get(), QuotaUsage.none(), space.get(), used), null,
                        started(1, 1, UNLIMITED)),
                "log_rate_limit cannot be unlimited in space 'my-space'., "
                        + "log_rate_limit cannot be unlimited in organization 'my-org'.");
        refused(() -> guard.checkProcess(orgOnly(org.get(), used), null, started(1, 1, 50)),
                "log_rate_limit exceeds organization log rate quota");
    }

    @Test
    void logRateIsOnlyCheckedWhenStateInstancesOrLogRateChange() {
        var org = limits();
        org.logRate = 100;
        QuotaUsage used = usage(1, 0, 0, 500, 0, 0, 0, 0, 0, 0);
        ProcessDemand running = started(64, 1, 500);
        allowed(() -> guard.checkProcess(orgOnly(org.get(), used), running, started(128, 1, 500)));
        refused(() -> guard.checkProcess(orgOnly(org.get(), used), running, started(64, 1, 501)),
                "log_rate_limit exceeds organization log rate quota");
    }

    @Test
    void everyProcessProblemIsReportedInTheReferenceOrder() {
        var org = limits();
        org.memory = 100;
        org.perProcess = 50;
        org.instances = 1;
        org.logRate = 10;
        var space = limits();
        space.memory = 100;
        space.perProcess = 50;
        space.instances = 1;
        space.logRate = 10;
        refused(() -> guard.checkProcess(scope(org.get(), null, space.get(), null), null, started(60, 2, 20)),
                "memory space_quota_exceeded, memory quota_exceeded, memory instance_memory_limit_exceeded, "
                        + "memory space_instance_memory_limit_exceeded, app_instance_limit app_instance_limit_exceeded, "
                        + "app_instance_limit space_app_instance_limit_exceeded, "
                        + "log_rate_limit exceeds space log rate quota, log_rate_limit exceeds organization log rate quota");
    }

    // tasks

    @Test
    void taskMemoryAndMemoryPerInstanceAreCheckedOrgFirst() {
        var org = limits();
        org.memory = 1000;
        org.perProcess = 300;
        var space = limits();
        space.memory = 500;
        space.perProcess = 200;
        QuotaUsage used = memoryUsed(400);
        allowed(() -> guard.checkTask(scope(org.get(), used, space.get(), used), 100, 1));
        refused(() -> guard.checkTask(scope(org.get(), used, space.get(), used), 250, 1),
                "memory_in_mb exceeds space memory quota, memory_in_mb exceeds space instance memory quota");
        refused(() -> guard.checkTask(scope(org.get(), used, space.get(), used), 700, 1),
                "memory_in_mb exceeds organization memory quota, memory_in_mb exceeds organization instance memory "
                        + "quota, memory_in_mb exceeds space memory quota, memory_in_mb exceeds space instance memory quota");
    }

    @Test
    void taskLogRateMustFitAndCannotBeUnlimited() {
        var org = limits();
        org.logRate = 100;
        QuotaUsage used = usage(0, 0, 0, 90, 0, 0, 0, 0, 0, 0);
        allowed(() -> guard.checkTask(orgOnly(org.get(), used), 1, 10));
        refused(() -> guard.checkTask(orgOnly(org.get(), used), 1, 11),
                "log_rate_limit exceeds organization log rate quota");
        refused(() -> guard.checkTask(orgOnly(org.get(), used), 1, UNLIMITED),
                "log_rate_limit cannot be unlimited in organization 'my-org'.");
        var space = limits();
        space.logRate = 100;
        refused(() -> guard.checkTask(spaceOnly(space.get(), used), 1, 11),
                "log_rate_limit exceeds space log rate quota");
    }

    @Test
    void pendingAndRunningTasksAreLimitedPerOrgAndSpace() {
        var org = limits();
        org.tasks = 5;
        var space = limits();
        space.tasks = 2;
        QuotaUsage orgUsed = usage(0, 0, 0, 0, 4, 0, 0, 0, 0, 0);
        QuotaUsage spaceUsed = usage(0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
        allowed(() -> guard.checkTask(scope(org.get(), orgUsed, space.get(), spaceUsed), 1, 1));
        QuotaUsage full = usage(0, 0, 0, 0, 5, 0, 0, 0, 0, 0);
        QuotaUsage spaceFull = usage(0, 0, 0, 0, 2, 0, 0, 0, 0, 0);
        refused(() -> guard.checkTask(scope(org.get(), full, space.get(), spaceFull), 1, 1),
                "app_task_limit quota exceeded, app_task_limit quota exceeded");
        refused(() -> guard.checkTask(spaceOnly(space.get(), spaceFull), 1, 1), "app_task_limit quota exceeded");
    }

    // staging

    @Test
    void stagingMemoryAndLogRateNameTheQuotaThatIsShort() {
        var org = limits();
        org.memory = 2048;
        org.logRate = 1000;
        var space = limits();
        space.memory = 1024;
        space.logRate = 500;
        QuotaUsage none = QuotaUsage.none();
        allowed(() -> guard.checkStaging(scope(org.get(), none, space.get(), none), 1024, 500));
        refused(() -> guard.checkStaging(scope(org.get(), none, space.get(), none), 1025, 1),
                "space's memory limit exceeded: staging requires 1025M memory");
        refused(() -> guard.checkStaging(orgOnly(org.get(), none), 4096, 1),
                "organization's memory limit exceeded: staging requires 4096M memory");
        refused(() -> guard.checkStaging(scope(org.get(), none, space.get(), none), 1, 501),
                "space's log rate limit exceeded: staging requires 501 bytes per second");
        refused(() -> guard.checkStaging(orgOnly(org.get(), none), 1, 1001),
                "organization's log rate limit exceeded: staging requires 1001 bytes per second");
    }

    // routes

    @Test
    void routesAreLimitedSpaceFirstThenOrg() {
        var org = limits();
        org.routes = 3;
        var space = limits();
        space.routes = 1;
        QuotaUsage one = usage(0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
        QuotaUsage three = usage(0, 0, 0, 0, 0, 3, 0, 0, 0, 0);
        allowed(() -> guard.checkRoute(scope(org.get(), one, space.get(), QuotaUsage.none()), false));
        refused(() -> guard.checkRoute(scope(org.get(), three, space.get(), one), false),
                "Routes quota exceeded for space 'my-space'.");
        refused(() -> guard.checkRoute(orgOnly(org.get(), three), false),
                "Routes quota exceeded for organization 'my-org'.");
    }

    @Test
    void reservedPortsAreLimitedOnlyForRoutesWithPorts() {
        var org = limits();
        org.ports = 1;
        QuotaUsage onePort = usage(0, 0, 0, 0, 0, 1, 1, 0, 0, 0);
        allowed(() -> guard.checkRoute(orgOnly(org.get(), onePort), false));
        refused(() -> guard.checkRoute(orgOnly(org.get(), onePort), true),
                "Reserved route ports quota exceeded for organization 'my-org'.");
        var space = limits();
        space.ports = 0;
        refused(() -> guard.checkRoute(spaceOnly(space.get(), QuotaUsage.none()), true),
                "Reserved route ports quota exceeded for space 'my-space'.");
    }

    @Test
    void unlimitedReservedPortsStillStopAtTheRouteLimit() {
        var org = limits();
        org.routes = 2;
        QuotaUsage twoPorts = usage(0, 0, 0, 0, 0, 1, 2, 0, 0, 0);
        refused(() -> guard.checkRoute(orgOnly(org.get(), twoPorts), true),
                "Reserved route ports quota exceeded for organization 'my-org'.");
        QuotaUsage onePort = usage(0, 0, 0, 0, 0, 1, 1, 0, 0, 0);
        allowed(() -> guard.checkRoute(orgOnly(org.get(), onePort), true));
    }

    // services

    @Test
    void serviceInstancesAreLimitedSpaceFirstThenOrg() {
        var org = limits();
        org.services = 2;
        var space = limits();
        space.services = 1;
        QuotaUsage one = usage(0, 0, 0, 0, 0, 0, 0, 1, 0, 0);
        QuotaUsage two = usage(0, 0, 0, 0, 0, 0, 0, 2, 0, 0);
        allowed(() -> guard.checkServiceInstance(scope(org.get(), one, space.get(), QuotaUsage.none()), false));
        refused(() -> guard.checkServiceInstance(scope(org.get(), two, space.get(), one), false),
                CfError.ServiceInstanceSpaceQuotaExceeded, "You have exceeded your space's services limit.");
        refused(() -> guard.checkServiceInstance(orgOnly(org.get(), two), false),
                CfError.ServiceInstanceQuotaExceeded, "You have exceeded your organization's services limit.");
    }

    @Test
    void paidPlansNeedQuotasThatAllowThem() {
        var org = limits();
        org.paid = false;
        var space = limits();
        space.paid = false;
        allowed(() -> guard.checkServiceInstance(scope(org.get(), null, space.get(), null), false));
        refused(() -> guard.checkServiceInstance(scope(org.get(), null, space.get(), null), true),
                CfError.ServiceInstanceServicePlanNotAllowedBySpaceQuota,
                "The service instance cannot be created because paid service plans are not allowed for your space.");
        refused(() -> guard.checkServiceInstance(orgOnly(org.get(), null), true),
                CfError.ServiceInstanceServicePlanNotAllowed,
                "The service instance cannot be created because paid service plans are not allowed.");
        allowed(() -> guard.checkServiceInstance(scope(limits().get(), null, limits().get(), null), true));
    }

    @Test
    void serviceKeysAreLimitedSpaceFirstThenOrg() {
        var org = limits();
        org.keys = 1;
        var space = limits();
        space.keys = 0;
        QuotaUsage one = usage(0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        allowed(() -> guard.checkServiceKey(orgOnly(org.get(), QuotaUsage.none())));
        refused(() -> guard.checkServiceKey(scope(org.get(), one, space.get(), QuotaUsage.none())),
                "You have exceeded your space's limit for service binding of type key.");
        refused(() -> guard.checkServiceKey(orgOnly(org.get(), one)),
                "You have exceeded your organization's limit for service binding of type key.");
    }

    // domains

    @Test
    void privateDomainsAreLimitedPerOrg() {
        var org = limits();
        org.domains = 2;
        QuotaUsage one = usage(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        allowed(() -> guard.checkPrivateDomains(QuotaScope.organization("my-org", org.get(), one), 1));
        refused(() -> guard.checkPrivateDomains(QuotaScope.organization("my-org", org.get(), one), 2),
                "The number of private domains exceeds the quota for organization \"my-org\"");
        allowed(() -> guard.checkPrivateDomains(QuotaScope.organization("my-org", null, one), 100));
    }
}
