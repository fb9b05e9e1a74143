package dev.capi.domain.osbapi;

import java.util.Map;
import java.util.Optional;

/**
 * Port: the Open Service Broker API (the reference sends {@code X-Broker-API-Version: 2.15}). Every call sends basic
 * auth, {@code X-Broker-API-Version}, {@code X-Broker-API-Request-Identity} and, when {@code userGuid} is present,
 * {@code X-Broker-API-Originating-Identity: cloudfoundry <base64 {"user_id": guid}>}. Bodies are JSON objects given
 * as maps (the domain builds them: {@code service_id}, {@code plan_id}, {@code context}, {@code parameters}, ...);
 * provision, update, deprovision, bind and unbind add {@code accepts_incomplete=true}. A reply is returned for every
 * HTTP status; {@link BrokerUnreachable} is thrown when there is no HTTP answer.
 *
 * <p>OSMAPI (the vendor extension behind plan definitions and backups) adds endpoints under the offering, for brokers
 * whose catalog advertises the feature ({@link OsmapiFeatures}): the plan definition schema
 * ({@code {"json_schema": {...}, "ui_schema": {...}, "version": "..."}}) and plan definitions
 * ({@code {"plan_id", "name", "description", "properties", "metadata", "created_at", "resource_version"}}, the last two
 * set by the broker), created or replaced by PUT and removed by DELETE. A broker registers a defined plan in its
 * {@code /v2/catalog} (under the offering, with the definition's {@code plan_id}, name and description); the platform
 * then syncs the catalog.
 */
public interface ServiceBrokerClient {
    /** GET /v2/catalog. */
    BrokerReply catalog(BrokerEndpoint broker);

    /** PUT /v2/service_instances/:instance_id?accepts_incomplete=true. */
    BrokerReply provision(BrokerEndpoint broker, String instanceId, Map<String, Object> body, Optional<String> userGuid);

    /** PATCH /v2/service_instances/:instance_id?accepts_incomplete=true. */
    BrokerReply updateInstance(BrokerEndpoint broker, String instanceId, Map<String, Object> body,
                               Optional<String> userGuid);

    /** DELETE /v2/service_instances/:instance_id?accepts_incomplete=true&service_id=..&plan_id=.. */
    BrokerReply deprovision(BrokerEndpoint broker, String instanceId, String serviceId, String planId,
                            Optional<String> userGuid);

    /** GET /v2/service_instances/:instance_id/last_operation?service_id=..&plan_id=..[&operation=..] */
    BrokerReply instanceLastOperation(BrokerEndpoint broker, String instanceId, String serviceId, String planId,
                                      Optional<String> operation);

    /** GET /v2/service_instances/:instance_id (instances_retrievable). */
    BrokerReply fetchInstance(BrokerEndpoint broker, String instanceId, Optional<String> userGuid);

    /** PUT /v2/service_instances/:instance_id/service_bindings/:binding_id?accepts_incomplete=true. */
    BrokerReply bind(BrokerEndpoint broker, String instanceId, String bindingId, Map<String, Object> body,
                     Optional<String> userGuid);

    /** DELETE /v2/service_instances/:instance_id/service_bindings/:binding_id?accepts_incomplete=true&service_id&plan_id. */
    BrokerReply unbind(BrokerEndpoint broker, String instanceId, String bindingId, String serviceId, String planId,
                       Optional<String> userGuid);

    /** GET /v2/service_instances/:instance_id/service_bindings/:binding_id/last_operation?service_id&plan_id[&operation]. */
    BrokerReply bindingLastOperation(BrokerEndpoint broker, String instanceId, String bindingId, String serviceId,
                                     String planId, Optional<String> operation);

    /** GET /v2/service_instances/:instance_id/service_bindings/:binding_id (bindings_retrievable). */
    BrokerReply fetchBinding(BrokerEndpoint broker, String instanceId, String bindingId, Optional<String> userGuid);

    /** OSMAPI: GET /v2/service_offerings/:service_id/plan_definition_schema. */
    BrokerReply planDefinitionSchema(BrokerEndpoint broker, String serviceId);

    /** OSMAPI: PUT /v2/service_offerings/:service_id/plan_definitions/:plan_id (201 created, 200 replaced). */
    BrokerReply putPlanDefinition(BrokerEndpoint broker, String serviceId, String planId,
                                  Map<String, Object> definition, Optional<String> userGuid);

    /** OSMAPI: DELETE /v2/service_offerings/:service_id/plan_definitions/:plan_id (200 or 204; 410 when gone). */
    BrokerReply deletePlanDefinition(BrokerEndpoint broker, String serviceId, String planId,
                                     Optional<String> userGuid);
}
