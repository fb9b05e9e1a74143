package dev.capi.domain.apps;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An app's features, whether SSH into it is allowed, and what the principal may do with it. */
public final class AppFeatures {
    public static final String SSH = "ssh";
    public static final String REVISIONS = "revisions";
    public static final String SERVICE_BINDING_K8S = "service-binding-k8s";
    public static final String FILE_BASED_VCAP_SERVICES = "file-based-vcap-services";
    /** The features in the reference's listing order. */
    public static final List<String> NAMES = List.of(SSH, REVISIONS, SERVICE_BINDING_K8S, FILE_BASED_VCAP_SERVICES);

    private final AppRepository apps;
    private final dev.capi.domain.apps.ProcessRepository processes;
    private final AppAccess access;
    private final Transactions tx;
    private final AppSettings settings;
    private final Clock clock;

    public AppFeatures(AppRepository apps, dev.capi.domain.apps.ProcessRepository processes, AppAccess access,
                       Transactions tx, AppSettings settings, Clock clock) {
        this.processes = processes;
        this.apps = apps;
        this.access = access;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every feature and whether it is on, in listing order. */
    public Map<String, Boolean> list(Permissions perms, String guid) {
        return states(tx.inTransaction(() -> access.visible(perms, guid)));
    }

    /** One feature; 404 "App not found", then 404 "Feature not found". */
    public boolean get(Permissions perms, String guid, String name) {
        App app = tx.inTransaction(() -> access.visible(perms, guid));
        requireFeature(name);
        return states(app).get(name);
    }

    /**
     * Turns a feature on or off: {@code revisions} for space developers and supporters, the others for space
     * developers (admins always); the two service binding features exclude each other. The body is read only after
     * the checks, as in the reference.
     */
    public boolean update(Permissions perms, String guid, String name, java.util.function.Supplier<Boolean> enabled) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, guid);
            requireFeature(name);
            if (REVISIONS.equals(name)) {
                access.requireManager(perms, app);
            } else {
                access.requireWriter(perms, app);
            }
            boolean on = enabled.get();
            App.Features f = app.features();
            if (on && ((FILE_BASED_VCAP_SERVICES.equals(name) && f.serviceBindingK8s())
                    || (SERVICE_BINDING_K8S.equals(name) && f.fileBasedVcapServices()))) {
                throw CfException.unprocessable("'" + FILE_BASED_VCAP_SERVICES + "' and '" + SERVICE_BINDING_K8S
                        + "' features cannot be enabled at the same time.");
            }
            App.Features next = switch (name) {
                case SSH -> new App.Features(on, f.revisions(), f.serviceBindingK8s(), f.fileBasedVcapServices());
                case REVISIONS -> new App.Features(f.ssh(), on, f.serviceBindingK8s(), f.fileBasedVcapServices());
                case SERVICE_BINDING_K8S -> new App.Features(f.ssh(), f.revisions(), on, f.fileBasedVcapServices());
                default -> new App.Features(f.ssh(), f.revisions(), f.serviceBindingK8s(), on);
            };
            apps.update(app.withFeatures(next, clock.instant().truncatedTo(ChronoUnit.MICROS)));
            return on;
        });
    }

    /** {@code enabled} and the reason when not: globally, for the space, or for the app. */
    public record SshStatus(boolean enabled, String reason) {
    }

    public SshStatus sshEnabled(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, guid);
            Space space = access.space(app.spaceGuid());
            if (!settings.allowSshGlobally()) {
                return new SshStatus(false, "ssh is disabled globally");
            }
            if (!space.allowSsh()) {
                return new SshStatus(false, "ssh is disabled for space '" + space.name() + "'");
            }
            if (!app.features().ssh()) {
                return new SshStatus(false, "ssh is disabled for app");
            }
            return new SshStatus(true, "");
        });
    }

    /**
     * SSH access to an instance ({@code GET /internal/apps/:guid/ssh_access/:index}): the web process's Diego guid
     * ({@code <guid>-<version>}) when the user may ssh (space developers, admins) and ssh is enabled; else 404.
     */
    public String sshAccess(Permissions perms, String appGuid, int index) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            if (!perms.canWriteSpace(app.spaceGuid()) || !sshEnabled(perms, appGuid).enabled()) {
                throw CfException.notFound("App");
            }
            var web = processes.findByType(app.guid(), "web")
                    .filter(p -> index >= 0 && index < Math.max(p.instances(), 1))
                    .orElseThrow(() -> CfException.notFound("App"));
            return web.guid() + "-" + web.version();
        });
    }

    /** {@code read_basic_data} (always, for a visible app) and {@code read_sensitive_data}. */
    public record AppPermissions(boolean readBasicData, boolean readSensitiveData) {
    }

    public AppPermissions permissions(Permissions perms, String guid) {
        App app = tx.inTransaction(() -> access.visible(perms, guid));
        return new AppPermissions(true, perms.canReadSecretsInSpace(app.spaceGuid()));
    }

    private static Map<String, Boolean> states(App app) {
        var m = new LinkedHashMap<String, Boolean>();
        m.put(SSH, app.features().ssh());
        m.put(REVISIONS, app.features().revisions());
        m.put(SERVICE_BINDING_K8S, app.features().serviceBindingK8s());
        m.put(FILE_BASED_VCAP_SERVICES, app.features().fileBasedVcapServices());
        return m;
    }

    private static void requireFeature(String name) {
        if (!NAMES.contains(name)) {
            throw CfException.notFound("Feature");
        }
    }
}
