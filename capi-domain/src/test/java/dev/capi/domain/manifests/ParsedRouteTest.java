package dev.capi.domain.manifests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedRouteTest {
    @Test
    void splitsHostDomainPathAndPort() {
        ParsedRoute r = ParsedRoute.parse("shop.apps.example.com/cart/items");
        assertThat(r.path()).isEqualTo("/cart/items");
        assertThat(r.port()).isNull();
        assertThat(r.candidates()).containsExactly(new ParsedRoute.Candidate("", "shop.apps.example.com"),
                new ParsedRoute.Candidate("shop", "apps.example.com"));
    }

    @Test
    void readsTcpPortsWildcardsAndSchemes() {
        ParsedRoute tcp = ParsedRoute.parse("tcp.example.com:1024");
        assertThat(tcp.port()).isEqualTo(1024);
        assertThat(tcp.candidates().get(0).domain()).isEqualTo("tcp.example.com");
        assertThat(ParsedRoute.parse("*.example.com").candidates().get(1))
                .isEqualTo(new ParsedRoute.Candidate("*", "example.com"));
        assertThat(ParsedRoute.parse("https://a.example.com").candidates().get(1).host()).isEqualTo("a");
        assertThat(ParsedRoute.parse("a.example.com:http").port()).isEqualTo(-1);
    }
}
