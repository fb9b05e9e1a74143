package dev.capi.domain.servicebindings;

import dev.capi.model.Domain;
import dev.capi.model.JobState;
import dev.capi.model.Metadata;
import dev.capi.model.Route;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.capi.domain.fakes.FakeBrokerClient.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Route bindings: user-provided route services bind at once; managed ones through the broker in a job. */
class RouteBindingsTest {
    private final BindingTestbed t = new BindingTestbed();

    @BeforeEach
    void route() {
        var now = t.clock.instant();
        t.domains.insert(new Domain("dom", now, now, "apps.example.com", false, null, null, null, false, null,
                java.util.List.of(), Metadata.empty()));
        t.routes.insert(new Route("route", now, now, "shop", "", null, "dom", "space", null, Metadata.empty()));
    }

    @Test
    void aUserProvidedRouteServiceBindsAtOnce() {
        t.userProvided("ups", "https://rs.example.com");
        var created = t.routeBindings.create(t.dev(), new BindingCommands.CreateRoute("ups", "route", null, null,
                Map.of()));
        assertThat(created.job()).isNull();
        assertThat(created.binding().routeServiceUrl()).isEqualTo("https://rs.example.com");
        assertThat(created.binding().lastOperation().is("create", "succeeded")).isTrue();
        assertThatThrownBy(() -> t.routeBindings.create(t.dev(), new BindingCommands.CreateRoute("ups", "route",
                null, null, Map.of()))).hasMessageContaining("The route and service instance are already bound.");
        assertThat(t.routeBindings.delete(t.dev(), created.binding().guid())).isEmpty();
        assertThat(t.rows.routes.all()).isEmpty();
        assertThat(t.f.auditTypes()).containsExactly("audit.service_route_binding.create",
                "audit.service_route_binding.delete");
    }

    @Test
    void aManagedRouteServiceBindsThroughTheBroker() {
        t.managed("si", false, null, "route_forwarding");
        t.broker.then("bind", reply(201, Map.of("route_service_url", "https://rs.broker/1")));
        var created = t.routeBindings.create(t.dev(), new BindingCommands.CreateRoute("si", "route",
                Map.of("x", 1), null, Map.of()));
        assertThat(created.job().operation()).isEqualTo("service_route_bindings.create");
        t.runJobs();
        var bound = t.rows.routes.find(created.binding().guid()).orElseThrow();
        assertThat(bound.routeServiceUrl()).isEqualTo("https://rs.broker/1");
        assertThat(t.state(created.job())).isEqualTo(JobState.COMPLETE);
        assertThat(t.broker.bindBodies.get(0).get("bind_resource")).isEqualTo(Map.of("route",
                "shop.apps.example.com"));

        var delete = t.routeBindings.delete(t.dev(), bound.guid()).orElseThrow();
        assertThat(delete.operation()).isEqualTo("service_route_bindings.delete");
        t.runJobs();
        assertThat(t.rows.routes.all()).isEmpty();
    }

    @Test
    void instancesWithoutRouteForwardingAndOtherSpacesAreRefused() {
        t.managed("plain", false, null);
        assertThatThrownBy(() -> t.routeBindings.create(t.dev(), new BindingCommands.CreateRoute("plain", "route",
                null, null, Map.of()))).hasMessageContaining("This service instance does not support route binding");
        assertThatThrownBy(() -> t.routeBindings.create(t.dev(), new BindingCommands.CreateRoute("plain", "nope",
                null, null, Map.of()))).hasMessageContaining("The route could not be found: nope");
        var disabled = new RouteBindings(t.context, false);
        assertThatThrownBy(() -> disabled.create(t.dev(), new BindingCommands.CreateRoute("plain", "route", null,
                null, Map.of()))).hasMessageContaining("Support for route services is disabled");
    }
}
