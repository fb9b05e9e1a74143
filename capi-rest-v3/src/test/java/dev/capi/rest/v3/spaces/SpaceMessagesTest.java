package dev.capi.rest.v3.spaces;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.spaces.SpaceCommands;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpaceMessagesTest {
    private static final String ORG = "\"relationships\": {\"organization\": {\"data\": {\"guid\": \"o1\"}}}";

    private static void refused(ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(CfError.UnprocessableEntity);
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    @Test
    void createReadsNameOrganizationSuspendedAndMetadata() {
        SpaceCommands.Create c = SpaceMessages.create("{\"name\": \"防御力¡ a\\\\b\", \"suspended\": true, " + ORG
                + ", \"metadata\": {\"labels\": {\"k\": \"v\"}}}");
        assertThat(c.name()).isEqualTo("防御力¡ a\\b");
        assertThat(c.organizationGuid()).isEqualTo("o1");
        assertThat(c.suspended()).isTrue();
        assertThat(c.metadata().labels()).containsEntry("k", "v");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "{ORG}|Name can't be blank",
            "{\"name\": 5, ORG}|Name must be a string",
            "{\"name\": \"\", ORG}|Name can't be blank, Name must not contain escaped characters",
            "{\"name\": \"a\\nb\", ORG}|Name must not contain escaped characters",
            "{\"name\": \"x\", \"suspended\": 1, ORG}|Suspended must be a boolean",
            "{\"name\": \"x\", \"bogus\": 1, ORG}|Unknown field(s): 'bogus'"})
    void createRefusesBadBodiesWithTheReferencesTexts(String body, String detail) {
        refused(() -> SpaceMessages.create(body.replace("{ORG}", "{" + ORG + "}").replace("ORG", ORG)), detail);
    }

    @Test
    void namesHaveAtMost255Characters() {
        assertThat(SpaceMessages.create("{\"name\": \"" + "a".repeat(255) + "\", " + ORG + "}").name()).hasSize(255);
        refused(() -> SpaceMessages.create("{\"name\": \"" + "a".repeat(256) + "\", " + ORG + "}"),
                "Name is too long (maximum is 255 characters)");
    }

    @Test
    void updateTakesEveryFieldAsOptional() {
        var none = SpaceMessages.update("{}");
        assertThat(none).isEqualTo(new SpaceCommands.Update(null, null, null));
        assertThat(SpaceMessages.update("{\"name\": \"x\", \"suspended\": false}"))
                .isEqualTo(new SpaceCommands.Update("x", false, null));
        refused(() -> SpaceMessages.update("{\"name\": \"\"}"),
                "Name is too short (minimum is 1 character), Name must not contain escaped characters");
        refused(() -> SpaceMessages.update("{\"relationships\": {}}"), "Unknown field(s): 'relationships'");
    }

    @Test
    void featureBodiesNeedABooleanEnabled() {
        assertThat(SpaceMessages.feature("{\"enabled\": false}")).isFalse();
        refused(() -> SpaceMessages.feature("{}"), "Enabled must be a boolean");
        refused(() -> SpaceMessages.feature("{\"enabled\": \"yes\"}"), "Enabled must be a boolean");
        refused(() -> SpaceMessages.feature("{\"enabled\": true, \"x\": 1}"), "Unknown field(s): 'x'");
    }
}
