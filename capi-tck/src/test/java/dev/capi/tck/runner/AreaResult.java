package dev.capi.tck.runner;

import java.util.List;

/** One area's results (an area is a package of the kit: apps, routes, ...) and how long it took. */
record AreaResult(String area, List<TestResult> tests, long millis) {
    long count(Status status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    /** The area's overall status: FAIL if a test failed, UNSUPPORTED if nothing passed but something was unsupported. */
    Status status() {
        if (count(Status.FAIL) > 0) {
            return Status.FAIL;
        }
        if (count(Status.PASS) == 0 && count(Status.UNSUPPORTED) > 0) {
            return Status.UNSUPPORTED;
        }
        if (count(Status.PASS) == 0) {
            return Status.SKIPPED;
        }
        return Status.PASS;
    }

    /** {@code routes  41 passed  0 failed  2 unsupported  1 skipped  0:12}. */
    String line(int width) {
        return String.format("%-" + width + "s %4d passed %3d failed %3d unsupported %3d skipped  %s", area,
                count(Status.PASS), count(Status.FAIL), count(Status.UNSUPPORTED), count(Status.SKIPPED),
                clock(millis));
    }

    static String clock(long millis) {
        long s = millis / 1000;
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
