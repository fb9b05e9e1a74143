package dev.capi.domain.servicebrokers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference's warning when a catalog update drops plans that instances still use (the plans are deactivated, not
 * deleted): its fixed text with the broker's catalog URL, then each offering (by name) and its deactivated plans.
 */
final class DeactivatedPlansWarning {
    private static final String TEXT = "Warning: Service plans are missing from the broker's catalog (%s/v2/catalog) "
            + "but can not be removed from Cloud Foundry while instances exist. The plans have been deactivated to "
            + "prevent users from attempting to provision new instances of these plans. The broker should continue "
            + "to support bind, unbind, and delete for existing instances; if these operations fail contact your "
            + "broker provider.";

    private final String brokerUrl;
    private final Map<String, List<String>> plansByOffering = new TreeMap<>();

    DeactivatedPlansWarning(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    void add(String offeringName, String planName) {
        plansByOffering.computeIfAbsent(offeringName, k -> new ArrayList<>()).add(planName);
    }

    /** The warning, when any plan was deactivated. */
    Optional<String> message() {
        if (plansByOffering.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(String.format(TEXT, brokerUrl)).append('\n');
        plansByOffering.forEach((offering, plans) -> out.append("\nService Offering: ").append(offering)
                .append("\nPlans deactivated: ").append(String.join(", ", plans.stream().sorted().toList()))
                .append('\n'));
        return Optional.of(out.toString());
    }
}
