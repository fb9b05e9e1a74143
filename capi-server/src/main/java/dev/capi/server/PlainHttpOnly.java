package dev.capi.server;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

import java.io.IOException;

/**
 * Answers HTTP/1.1 requests that ask to upgrade to h2c (as java.net.http's client does) as plain HTTP/1.1. Without
 * it, Grizzly (without HTTP/2 filters) never finishes reading such a request's body and the request times out
 * (eclipse-ee4j/glassfish-grizzly#1972).
 */
final class PlainHttpOnly implements AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(new BaseFilter() {
            @Override
            public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
                if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                    var header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                    header.setIgnoreContentModifiers(false);
                    header.getUpgradeDC().recycle();
                    return ctx.getStopAction();
                }
                return ctx.getInvokeAction();
            }
        });
    }
}
