package dev.capi.rest.v3.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.apps.AppEnvironment;
import dev.capi.domain.apps.AppFeatures;
import dev.capi.model.App;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;

import java.util.Map;

/** The app environment documents: {@code /env}, {@code /environment_variables}, features, SSH, permissions. */
public final class AppEnvPresenter {
    private static final Map<String, String> FEATURE_DESCRIPTIONS = Map.of(
            AppFeatures.SSH, "Enable SSHing into the app.",
            AppFeatures.REVISIONS, "Enable versioning of an application",
            AppFeatures.SERVICE_BINDING_K8S, "Enable k8s service bindings for the app",
            AppFeatures.FILE_BASED_VCAP_SERVICES, "Enable file-based VCAP service bindings for the app");

    private AppEnvPresenter() {
    }

    public static ObjectNode env(AppEnvironment.Env env) {
        ObjectNode node = JsonSupport.object();
        node.set("environment_variables", JsonSupport.MAPPER.valueToTree(env.environmentVariables()));
        node.set("staging_env_json", JsonSupport.MAPPER.valueToTree(env.stagingEnv()));
        node.set("running_env_json", JsonSupport.MAPPER.valueToTree(env.runningEnv()));
        if (env.systemEnv() == null) {
            node.putObject("system_env_json").put("redacted_message", "[PRIVATE DATA HIDDEN]");
        } else {
            node.set("system_env_json", JsonSupport.MAPPER.valueToTree(env.systemEnv()));
        }
        node.putObject("application_env_json")
                .set("VCAP_APPLICATION", JsonSupport.MAPPER.valueToTree(env.vcapApplication()));
        return node;
    }

    public static ObjectNode environmentVariables(App app, Links links) {
        ObjectNode node = JsonSupport.object();
        node.set("var", JsonSupport.MAPPER.valueToTree(app.environmentVariables()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/apps/" + app.guid() + "/environment_variables"));
        l.set("app", links.href("/v3/apps/" + app.guid()));
        return node;
    }

    public static ObjectNode feature(String name, boolean enabled) {
        ObjectNode node = JsonSupport.object();
        node.put("name", name);
        node.put("description", FEATURE_DESCRIPTIONS.get(name));
        node.put("enabled", enabled);
        return node;
    }

    /** The features list: every feature, with one page of pagination pointing at itself. */
    public static ObjectNode features(String appGuid, Map<String, Boolean> features, Links links) {
        ObjectNode doc = JsonSupport.object();
        var resources = doc.putArray("resources");
        features.forEach((name, enabled) -> resources.add(feature(name, enabled)));
        ObjectNode p = doc.putObject("pagination");
        p.put("total_results", features.size());
        p.put("total_pages", 1);
        p.set("first", links.href("/v3/apps/" + appGuid + "/features"));
        p.set("last", links.href("/v3/apps/" + appGuid + "/features"));
        p.putNull("next");
        p.putNull("previous");
        return doc;
    }
}
