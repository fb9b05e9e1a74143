package dev.capi.server.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void theFirstForwardedAddressWins() {
        assertThat(ClientAddress.of(" 203.0.113.7, 10.0.0.1", "127.0.0.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void withoutAForwardedAddressThePeerIsTaken() {
        assertThat(ClientAddress.of(null, "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of("  ", "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of(",10.0.0.1", "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of(null, null)).isEqualTo("unknown");
    }

    @Test
    void longAddressesAreCut() {
        assertThat(ClientAddress.of("x".repeat(500), null)).hasSize(ClientAddress.MAX_LENGTH);
    }
}
