package dev.capi.server.runtime.local;

/**
 * A staging step failed. The reason ends as Diego's builder exit codes do (222: no buildpack detected the app, 223:
 * compile/supply/finalize failed, 224: release failed), which the domain maps to the reference's error ids.
 */
final class StagingFailure extends RuntimeException {
    static final int NO_APP_DETECTED = 222;
    static final int COMPILE_FAILED = 223;
    static final int RELEASE_FAILED = 224;

    StagingFailure(String reason) {
        super(reason);
    }

    static StagingFailure exit(int code) {
        return new StagingFailure("Exited with status " + code);
    }
}
