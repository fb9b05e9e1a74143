package dev.capi.domain.servicebrokers;

import java.util.List;
import java.util.Map;

/** A broker's catalog once read and validated: its services (offerings) with their plans. */
public record BrokerCatalog(List<Offering> offerings) {
    public BrokerCatalog {
        offerings = List.copyOf(offerings);
    }

    /** One catalog service; {@code metadata} is the catalog's free-form metadata object (may be empty). */
    public record Offering(String catalogId, String name, String description, boolean bindable,
                           boolean planUpdateable, boolean instancesRetrievable, boolean bindingsRetrievable,
                           boolean allowContextUpdates, List<String> tags, List<String> requires,
                           Map<String, Object> metadata, List<Plan> plans) {
    }

    /**
     * One catalog plan; {@code bindable} and {@code planUpdateable} are null when the catalog left them out (the
     * offering's value applies), {@code schemas} holds {@code service_instance}/{@code service_binding}.
     */
    public record Plan(String catalogId, String name, String description, boolean free, Boolean bindable,
                       Boolean planUpdateable, Integer maximumPollingDuration, Map<String, Object> maintenanceInfo,
                       Map<String, Object> metadata, Map<String, Object> schemas) {
    }
}
