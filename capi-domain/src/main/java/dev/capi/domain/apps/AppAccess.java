package dev.capi.domain.apps;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.model.App;
import dev.capi.model.Space;

/**
 * The reference's order for an app sub-resource: the app must be visible (404 "App not found"), the principal must
 * hold the right role (403), and the organization and space must be writable (403 suspended). Call inside a
 * transaction.
 */
public final class AppAccess {
    private final AppRepository apps;
    private final SpaceRepository spaces;
    private final WritableSpaces writable;

    public AppAccess(AppRepository apps, SpaceRepository spaces, WritableSpaces writable) {
        this.apps = apps;
        this.spaces = spaces;
        this.writable = writable;
    }

    /** The app if the principal can read its space, else 404 "App not found". */
    public App visible(Permissions perms, String guid) {
        return apps.find(guid).filter(a -> perms.canReadSpace(a.spaceGuid(), a.organizationGuid()))
                .orElseThrow(() -> CfException.notFound("App"));
    }

    /**
     * The app a new resource (package, droplet, deployment) names in its relationships: 422 "App is invalid. Ensure
     * it exists and you have access to it." when the principal cannot see it, as the reference answers.
     */
    public App visibleOrInvalid(Permissions perms, String guid) {
        return apps.find(guid).filter(a -> perms.canReadSpace(a.spaceGuid(), a.organizationGuid()))
                .orElseThrow(() -> CfException.unprocessable(
                        "App is invalid. Ensure it exists and you have access to it."));
    }

    /** The app for platform components on the internal API (no user behind them); 404 "App not found". */
    public App existing(String guid) {
        return apps.find(guid).orElseThrow(() -> CfException.notFound("App"));
    }

    /** Space developers (and admins) may change the app itself; then the space must be writable. */
    public void requireWriter(Permissions perms, App app) {
        if (!perms.canWriteSpace(app.spaceGuid())) {
            throw CfException.notAuthorized();
        }
        requireWritable(perms, app);
    }

    /** Space developers and supporters (and admins) may start, stop, scale...; then the space must be writable. */
    public void requireManager(Permissions perms, App app) {
        if (!perms.canManageApps(app.spaceGuid())) {
            throw CfException.notAuthorized();
        }
        requireWritable(perms, app);
    }

    public void requireWritable(Permissions perms, App app) {
        writable.requireWritableSpace(perms, space(app.spaceGuid()));
    }

    public Space space(String spaceGuid) {
        return spaces.find(spaceGuid).orElseThrow(() -> CfException.notFound("Space"));
    }
}
