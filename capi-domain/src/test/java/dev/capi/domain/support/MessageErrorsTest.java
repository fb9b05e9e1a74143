package dev.capi.domain.support;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageErrorsTest {
    @Test
    void aMissingRequiredStringIsBlankAndNotAString() {
        var errors = new MessageErrors();
        assertThat(errors.string("state", null, true, 32)).isNull();
        assertThatThrownBy(errors::validate).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(CfError.UnprocessableEntity);
            assertThat(e.detail()).isEqualTo("State can't be blank, State must be a string");
        });
    }

    @Test
    void unknownKeysComeFirstAndEachTextOnce() {
        var errors = new MessageErrors();
        errors.unknownKeys(List.of("state", "bogus", "other"), List.of("state"));
        errors.string("per_page", 5, false, 10);
        errors.string("per_page", 5, false, 10);
        errors.string("name", "x".repeat(11), false, 10);
        errors.string("label", " ", true, 10);
        assertThatThrownBy(errors::validate).hasMessageContaining("Unknown field(s): 'bogus', 'other', "
                + "Per page must be a string, Name is too long (maximum is 10 characters), Label can't be blank");
    }

    @Test
    void validStringsPassAndNothingIsThrown() {
        var errors = new MessageErrors();
        assertThat(errors.string("state", "READY", true, 32)).isEqualTo("READY");
        assertThat(errors.string("error", null, false, 32)).isNull();
        assertThat(errors.isEmpty()).isTrue();
        errors.validate();
    }
}
