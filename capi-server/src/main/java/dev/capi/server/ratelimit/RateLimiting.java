package dev.capi.server.ratelimit;

import dev.capi.domain.ratelimit.RateLimiter;
import dev.capi.domain.ratelimit.RateLimits;
import dev.capi.domain.ratelimit.RequestCounts;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

import java.time.Clock;

/** Puts the rate limiter in front of the public API when it is enabled (it is off by default, as in the reference). */
public final class RateLimiting {
    private RateLimiting() {
    }

    public static void register(ResourceConfig api, RateLimits limits, RequestCounts counts, Clock clock) {
        if (!limits.enabled()) {
            return;
        }
        RateLimiter limiter = new RateLimiter(counts, limits, clock);
        api.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(limiter).to(RateLimiter.class);
            }
        });
        api.register(RateLimitFilter.class);
    }
}
