package dev.capi.domain.fakes;

import java.lang.reflect.Proxy;

/**
 * A port a test does not reach: the use cases that take it are built, but any call fails loudly, so a test that
 * starts to need the port says so instead of passing on a silent default.
 */
public final class UnusedPort {
    private UnusedPort() {
    }

    public static <T> T of(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "toString" -> "unused " + port.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(
                            port.getSimpleName() + "." + method.getName() + " is not used by this test");
                }));
    }
}
