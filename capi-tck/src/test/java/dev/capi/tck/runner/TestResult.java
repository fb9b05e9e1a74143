package dev.capi.tck.runner;

import dev.capi.tck.support.RequestLog.Exchange;

import java.util.List;

/**
 * One test's outcome: where it lives (area, class, name), its status, the expectation that failed (or the reason
 * it was skipped), the rows it checks ({@code Checks}), the rows its own requests reached and its last HTTP
 * exchanges.
 */
record TestResult(String area, String className, String name, Status status, String message, String trace,
                  List<String> rows, List<String> touched, List<Exchange> exchanges, long millis) {

    /** The exchanges worth showing for a failure: the test's own (not setup), last few. */
    List<Exchange> lastExchanges(int count) {
        List<Exchange> own = exchanges.stream().filter(e -> !e.setup()).toList();
        List<Exchange> shown = own.isEmpty() ? exchanges : own;
        return shown.subList(Math.max(0, shown.size() - count), shown.size());
    }
}
