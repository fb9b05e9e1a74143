package dev.capi.domain.serviceplandefinitions;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.osbapi.OsmapiFeatures;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.serviceofferings.ServiceOfferingRepository;
import dev.capi.domain.support.Transactions;
import dev.capi.model.PlanDefinitionSchema;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceOffering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v3/service_plan_definition_schemas} and {@code GET /v3/service_offerings/:guid/plan_definition_schema}
 * (global readers): the offerings (listed in SQL, every offering) with the schema each one's broker gives; the schema
 * is null for an offering without the OSMAPI plan_definitions feature (its broker is not asked) and when the broker
 * fails. The brokers are asked after the transaction.
 */
public final class PlanDefinitionSchemas {
    private final ServiceOfferingRepository offerings;
    private final PlanDefinitionAccess access;
    private final PlanDefinitionBroker broker;
    private final Transactions tx;

    public PlanDefinitionSchemas(ServiceOfferingRepository offerings, PlanDefinitionAccess access,
                                 PlanDefinitionBroker broker, Transactions tx) {
        this.offerings = offerings;
        this.access = access;
        this.broker = broker;
        this.tx = tx;
    }

    public Page<PlanDefinitionSchema> list(Permissions perms, ListQuery query) {
        access.requireReader(perms);
        record Loaded(Page<ServiceOffering> page, Map<String, ServiceBroker> brokers) {
        }
        Loaded loaded = tx.inTransaction(() -> {
            Page<ServiceOffering> page = offerings.list(query.withVisibility(Visibility.everything()));
            Map<String, ServiceBroker> brokers = new HashMap<>();
            for (ServiceOffering o : page.resources()) {
                if (supported(o)) {
                    brokers.computeIfAbsent(o.brokerGuid(), g -> access.brokerOf(o));
                }
            }
            return new Loaded(page, brokers);
        });
        List<PlanDefinitionSchema> schemas = loaded.page().resources().stream()
                .map(o -> schemaOf(o, loaded.brokers().get(o.brokerGuid()))).toList();
        return new Page<>(schemas, loaded.page().totalResults());
    }

    public PlanDefinitionSchema get(Permissions perms, String offeringGuid) {
        record Loaded(ServiceOffering offering, ServiceBroker broker) {
        }
        Loaded loaded = tx.inTransaction(() -> {
            ServiceOffering offering = access.offering(perms, offeringGuid);
            return new Loaded(offering, supported(offering) ? access.brokerOf(offering) : null);
        });
        return schemaOf(loaded.offering(), loaded.broker());
    }

    private PlanDefinitionSchema schemaOf(ServiceOffering offering, ServiceBroker owner) {
        if (owner == null || !supported(offering)) {
            return new PlanDefinitionSchema(offering.guid(), null);
        }
        return new PlanDefinitionSchema(offering.guid(),
                broker.schema(PlanDefinitionAccess.endpoint(owner), offering.catalogId()));
    }

    private static boolean supported(ServiceOffering offering) {
        return OsmapiFeatures.supports(offering, OsmapiFeatures.PLAN_DEFINITIONS);
    }
}
