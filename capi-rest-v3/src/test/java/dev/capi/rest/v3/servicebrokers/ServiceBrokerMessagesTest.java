package dev.capi.rest.v3.servicebrokers;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceBrokerMessagesTest {
    private static final String AUTH = "\"authentication\": {\"type\": \"basic\", \"credentials\": "
            + "{\"username\": \"u\", \"password\": \"p\"}}";

    @Test
    void createReadsEveryField() {
        var c = ServiceBrokerMessages.create("{\"name\": \"b\", \"url\": \"https://broker.example.com/v\", " + AUTH
                + ", \"relationships\": {\"space\": {\"data\": {\"guid\": \"s1\"}}}}");
        assertThat(c.name()).isEqualTo("b");
        assertThat(c.url()).isEqualTo("https://broker.example.com/v");
        assertThat(c.username()).isEqualTo("u");
        assertThat(c.password()).isEqualTo("p");
        assertThat(c.spaceGuid()).isEqualTo("s1");
        assertThat(c.toString()).doesNotContain("\"p\"").doesNotContain("password");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "{\"name\": \"\", \"url\": \"https://b.example.com\", AUTH}|Name must not be empty string",
            "{\"name\": \"b\", \"url\": \"ftp://b.example.com\", AUTH}|Url 'ftp://b.example.com' must be a valid url",
            "{\"name\": \"b\", \"url\": \"https://u:p@b.example.com\", AUTH}|Url must not contain authentication",
            "{\"name\": \"b\", \"url\": \"https://b.example.com\"}|Authentication must be an object",
            "{\"name\": \"b\", \"url\": \"https://b.example.com\", \"authentication\": {\"type\": \"basic\", "
                    + "\"credentials\": {\"username\": \"u\"}}}|"
                    + "Authentication Field(s) [\"password\"] must be valid: [\"Password must be a string\"]",
    })
    void createRefusesBadBodies(String body, String detail) {
        assertThatThrownBy(() -> ServiceBrokerMessages.create(body.replace("AUTH", AUTH)))
                .isInstanceOfSatisfying(CfException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CfError.UnprocessableEntity);
                    assertThat(e.detail()).isEqualTo(detail);
                });
    }

    @Test
    void updateOfMetadataOnlyNeedsNoBroker() {
        assertThat(ServiceBrokerMessages.update("{\"metadata\": {\"labels\": {\"a\": \"b\"}}}").needsBroker())
                .isFalse();
        assertThat(ServiceBrokerMessages.update("{\"url\": \"http://b.example.com\"}").needsBroker()).isTrue();
    }
}
