package dev.capi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataTest {

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static final Metadata CURRENT = new Metadata(
            ordered("env", "prod", "example.com/tier", "web", "team", "a"),
            ordered("note", "hello", "example.com/owner", "bob"));

    @Test
    void emptyHasNoLabelsAndNoAnnotations() {
        assertThat(Metadata.empty().labels()).isEmpty();
        assertThat(Metadata.empty().annotations()).isEmpty();
    }

    @Test
    void nullMapsAreTakenAsEmpty() {
        assertThat(new Metadata(null, null)).isEqualTo(Metadata.empty());
    }

    @Test
    void copiesKeepInsertionOrderAndAreIndependentOfTheSource() {
        Map<String, String> source = ordered("z", "1", "a", "2", "m", "3");
        Metadata metadata = new Metadata(source, Map.of());
        source.put("added", "later");
        assertThat(metadata.labels().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void mapsAreUnmodifiable() {
        assertThatThrownBy(() -> CURRENT.labels().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CURRENT.annotations().remove("note"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullValuesAndKeysAreRefused() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        assertThatThrownBy(() -> new Metadata(nullValue, Map.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Metadata(Map.of(), nullValue)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Metadata(nullKey, Map.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void applyAddsNewKeysAtTheEnd() {
        Metadata result = CURRENT.apply(new MetadataUpdate(ordered("new", "1"), ordered("example.com/extra", "x")));
        assertThat(result.labels()).containsExactly(
                Map.entry("env", "prod"), Map.entry("example.com/tier", "web"), Map.entry("team", "a"),
                Map.entry("new", "1"));
        assertThat(result.annotations()).containsExactly(
                Map.entry("note", "hello"), Map.entry("example.com/owner", "bob"), Map.entry("example.com/extra", "x"));
    }

    @Test
    void applyOverwritesExistingKeysInPlace() {
        Metadata result = CURRENT.apply(new MetadataUpdate(ordered("example.com/tier", "db"), ordered("note", "")));
        assertThat(result.labels()).containsExactly(
                Map.entry("env", "prod"), Map.entry("example.com/tier", "db"), Map.entry("team", "a"));
        assertThat(result.annotations()).containsEntry("note", "");
    }

    @Test
    void applyDeletesKeysWhoseValueIsNull() {
        Metadata result = CURRENT.apply(new MetadataUpdate(ordered("env", null), ordered("example.com/owner", null)));
        assertThat(result.labels()).containsOnlyKeys("example.com/tier", "team");
        assertThat(result.annotations()).containsOnlyKeys("note");
    }

    @Test
    void applyIgnoresDeletionOfAnAbsentKey() {
        Metadata result = CURRENT.apply(new MetadataUpdate(ordered("missing", null), null));
        assertThat(result).isEqualTo(CURRENT);
    }

    @Test
    void applyLeavesAMapThatWasNotGivenUntouched() {
        Metadata result = CURRENT.apply(new MetadataUpdate(null, ordered("note", "changed")));
        assertThat(result.labels()).isEqualTo(CURRENT.labels());
        assertThat(result.annotations()).containsEntry("note", "changed");
        assertThat(CURRENT.apply(MetadataUpdate.none())).isEqualTo(CURRENT);
        assertThat(CURRENT.apply(null)).isEqualTo(CURRENT);
    }

    @Test
    void applyWithAnEmptyMapChangesNothing() {
        assertThat(CURRENT.apply(new MetadataUpdate(Map.of(), Map.of()))).isEqualTo(CURRENT);
    }

    @Test
    void applyCombinesAddOverwriteAndDeleteInOneUpdate() {
        Metadata result = CURRENT.apply(new MetadataUpdate(ordered("team", null, "env", "dev", "zone", "z1"), null));
        assertThat(result.labels()).containsExactly(
                Map.entry("env", "dev"), Map.entry("example.com/tier", "web"), Map.entry("zone", "z1"));
    }

    @Test
    void applyDoesNotChangeTheOriginal() {
        CURRENT.apply(new MetadataUpdate(ordered("env", null), null));
        assertThat(CURRENT.labels()).containsKey("env");
    }

    @Test
    void updateKeepsNullValuesAndNullMaps() {
        MetadataUpdate update = new MetadataUpdate(ordered("gone", null, "kept", "v"), null);
        assertThat(update.labels()).containsEntry("gone", null).containsEntry("kept", "v");
        assertThat(update.labels().keySet()).containsExactly("gone", "kept");
        assertThat(update.annotations()).isNull();
        assertThatThrownBy(() -> update.labels().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void updateRefusesNullKeys() {
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        assertThatThrownBy(() -> new MetadataUpdate(nullKey, null)).isInstanceOf(NullPointerException.class);
    }
}
