package dev.capi.rest.v3.usage;

import dev.capi.domain.errors.CfException;
import dev.capi.rest.v3.support.ListParams;

import java.util.List;

/** The usage event lists' {@code after_guid}: one guid at most, as the reference validates it. */
final class AfterGuid {
    private AfterGuid() {
    }

    static void requireAtMostOne(ListParams params) {
        List<String> values = params.query().filter("after_guid");
        if (values != null && values.size() > 1) {
            throw CfException.unprocessable("After guid filter accepts only one guid");
        }
    }
}
