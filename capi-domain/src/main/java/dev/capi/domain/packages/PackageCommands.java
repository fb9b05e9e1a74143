package dev.capi.domain.packages;

import dev.capi.model.MetadataUpdate;

import java.io.InputStream;
import java.util.List;

/** The commands the package use cases accept (validated by the REST messages). */
public final class PackageCommands {
    private PackageCommands() {
    }

    /** Create: bits or docker (image required, credentials optional) for an app. */
    public record Create(String type, String appGuid, String image, String username, String password,
                         MetadataUpdate metadata) {
    }

    /** Update: metadata and, for docker packages, credentials. */
    public record Update(String username, String password, MetadataUpdate metadata) {
    }

    /** A file the client already uploaded before (found through resource matches): taken from the pool. */
    public record Resource(String path, String sha1, long size, String mode) {
    }

    /** An upload: the zip (null when only resources are sent) and the known resources (may be empty). */
    public record Upload(InputStream bits, List<Resource> resources) {
        /** The reference's text for an upload without bits or resources. */
        public static final String NOTHING = "Upload must include either resources or bits";
    }
}
