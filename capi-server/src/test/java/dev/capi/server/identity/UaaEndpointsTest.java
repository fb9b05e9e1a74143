package dev.capi.server.identity;

import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The UAA endpoints as a JAX-RS application, without an HTTP listener. */
class UaaEndpointsTest {

    @Test
    void registeringTheEndpointsDrawsNoProviderWarningFromJersey() {
        // Jersey warns here that a resource registered as an instance "will be ignored" as a provider
        Logger providers = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        providers.addHandler(handler);
        try {
            var idp = new BuiltInIdentityProvider(new InMemoryAccountStore(), (Path) null, "http://localhost/uaa",
                    Clock.systemUTC(), List.of());
            new ApplicationHandler(new ResourceConfig().register(idp.uaaEndpoints()));
        } finally {
            providers.removeHandler(handler);
        }
        assertThat(warnings).isEmpty();
    }
}
