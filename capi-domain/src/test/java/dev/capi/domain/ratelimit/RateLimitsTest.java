package dev.capi.domain.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    @Test
    void offUnlessSomethingIsConfigured() {
        assertThat(RateLimits.configured(null, " ", "").enabled()).isFalse();
    }

    @Test
    void anyValueTurnsItOnWithTheReferenceDefaultsForTheRest() {
        assertThat(RateLimits.configured("3", null, null)).isEqualTo(RateLimits.on(3, 1000, 60));
        assertThat(RateLimits.configured(null, "5", null)).isEqualTo(RateLimits.on(20000, 5, 60));
        assertThat(RateLimits.configured(null, null, " 2 ")).isEqualTo(RateLimits.on(20000, 1000, 2));
    }

    @Test
    void refusesWhatIsNotAUsableNumber() {
        assertThatThrownBy(() -> RateLimits.configured("many", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("general");
        assertThatThrownBy(() -> RateLimits.configured("-1", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimits.configured(null, null, "0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimits.configured(null, null, "99999999999"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
