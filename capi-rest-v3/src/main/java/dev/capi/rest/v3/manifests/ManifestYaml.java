package dev.capi.rest.v3.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.rest.v3.support.JsonSupport;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;

/**
 * Reads and writes manifest YAML. Reading is bounded: at most {@link #MAX_BYTES} of text and {@link #MAX_ALIASES}
 * aliases (a "billion laughs" document is refused, not expanded); anything unreadable is the reference's 400
 * MessageParseError.
 */
final class ManifestYaml {
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ALIASES = 20;
    private static final LoaderOptions OPTIONS = new LoaderOptions();
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.SPLIT_LINES).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    static {
        OPTIONS.setMaxAliasesForCollections(MAX_ALIASES);
        OPTIONS.setCodePointLimit(MAX_BYTES);
        OPTIONS.setAllowDuplicateKeys(false);
        OPTIONS.setNestingDepthLimit(50);
    }

    private ManifestYaml() {
    }

    static JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            throw CfException.of(CfError.MessageParseError, "invalid request body");
        }
        if (text.length() > MAX_BYTES) {
            throw CfException.of(CfError.RequestEntityTooLarge, "the manifest is larger than " + MAX_BYTES + " bytes");
        }
        Object loaded;
        try {
            // SnakeYAML's composer resolves anchors and enforces the alias limit (Jackson's parser does neither).
            loaded = new Yaml(new SafeConstructor(OPTIONS), new Representer(new DumperOptions()),
                    new DumperOptions(), OPTIONS).load(text);
        } catch (RuntimeException e) {
            throw CfException.of(CfError.MessageParseError, "invalid request body");
        }
        if (!(loaded instanceof java.util.Map<?, ?>)) {
            throw CfException.of(CfError.MessageParseError, "invalid request body");
        }
        try {
            return JsonSupport.MAPPER.valueToTree(loaded);
        } catch (IllegalArgumentException e) {
            throw CfException.of(CfError.MessageParseError, "invalid request body");
        }
    }

    static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the manifest: " + e.getMessage(), e);
        }
    }
}
