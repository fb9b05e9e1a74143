package dev.capi.tck.runner;

import dev.capi.tck.support.Inventory.Row;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One inventory row's verdict: UNSUPPORTED when the target does not route it, NOT_COVERED when no test names it,
 * otherwise FAIL if a test naming it failed, PASS if one passed, else the tests' common status.
 */
record RowResult(Row row, Status status, List<TestResult> tests) {
    static List<RowResult> of(Collection<Row> rows, Set<String> unrouted, List<TestResult> results) {
        List<RowResult> verdicts = new ArrayList<>();
        for (Row row : rows) {
            List<TestResult> naming = results.stream().filter(t -> t.rows().contains(row.name())).toList();
            Status status;
            if (unrouted.contains(row.name())) {
                status = Status.UNSUPPORTED;
            } else if (naming.isEmpty()) {
                status = Status.NOT_COVERED;
            } else if (naming.stream().anyMatch(t -> t.status() == Status.FAIL)) {
                status = Status.FAIL;
            } else if (naming.stream().anyMatch(t -> t.status() == Status.PASS)) {
                status = Status.PASS;
            } else if (naming.stream().anyMatch(t -> t.status() == Status.UNSUPPORTED)) {
                status = Status.UNSUPPORTED;
            } else {
                status = Status.SKIPPED;
            }
            verdicts.add(new RowResult(row, status, naming));
        }
        return verdicts;
    }
}
