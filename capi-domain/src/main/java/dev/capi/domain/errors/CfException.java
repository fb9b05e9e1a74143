package dev.capi.domain.errors;

import java.util.List;

/** The one domain failure: an error kind from the catalogue and its detail text. Adapters turn it into the V3 error document. */
public final class CfException extends RuntimeException {
    private final CfError kind;
    private final String detail;
    private final List<String> warnings;
    private final List<CfException> underlying;

    private CfException(CfError kind, String detail) {
        this(kind, detail, List.of());
    }

    private CfException(CfError kind, String detail, List<CfException> underlying) {
        super(kind.title() + ": " + detail, null, false, false);
        this.kind = kind;
        this.detail = detail;
        this.warnings = List.of();
        this.underlying = List.copyOf(underlying);
    }

    /**
     * Several errors answered at once (the reference's CompoundError): the document lists each; the status is the
     * first one's.
     */
    public static CfException compound(List<CfException> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        CfException first = errors.get(0);
        return new CfException(first.kind, String.join(", ", errors.stream().map(CfException::detail).toList()),
                errors);
    }

    /** The errors a compound error stands for (empty for a single error). */
    public List<CfException> underlying() {
        return underlying;
    }

    /** An error whose detail is the catalogue template filled with {@code args}. */
    public static CfException of(CfError kind, Object... args) {
        return new CfException(kind, kind.detail(args));
    }

    public static CfException notFound(String resource) {
        return of(CfError.ResourceNotFound, resource + " not found");
    }

    public static CfException notAuthorized() {
        return of(CfError.NotAuthorized);
    }

    public static CfException unprocessable(String detail) {
        return of(CfError.UnprocessableEntity, detail);
    }

    public static CfException badQuery(String detail) {
        return of(CfError.BadQueryParameter, detail);
    }

    public static CfException featureDisabled(String message) {
        return of(CfError.FeatureDisabled, message);
    }

    public CfError kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public List<String> warnings() {
        return warnings;
    }
}
