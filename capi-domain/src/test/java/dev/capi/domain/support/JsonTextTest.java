package dev.capi.domain.support;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {
    @Test
    void writesNestedValuesAndEscapesStrings() {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", "say \"hi\"\n\\");
        map.put("limits", java.util.Map.of("fds", 16384));
        map.put("uris", List.of("a.example.com", "b.example.com/p"));
        map.put("users", null);
        map.put("ok", true);
        map.put("ctl", "\u0001");
        assertThat(JsonText.write(map)).isEqualTo("{\"name\":\"say \\\"hi\\\"\\n\\\\\",\"limits\":{\"fds\":16384},"
                + "\"uris\":[\"a.example.com\",\"b.example.com/p\"],\"users\":null,\"ok\":true,\"ctl\":\"\\u0001\"}");
        assertThat(JsonText.write(Arrays.asList(1.5, null))).isEqualTo("[1.5,null]");
    }
}
