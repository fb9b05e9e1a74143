package dev.capi.domain.apps;

import dev.capi.domain.buildpacks.BuildpackRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.Buildpack;
import dev.capi.model.Lifecycle;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reference's buildpack lifecycle data check for an app's requested buildpacks and stack: every buildpack must be
 * a buildpack URI or the name of an admin buildpack of the app's lifecycle that has bits and suits the stack (its
 * stack or none), and the stack must exist. Problems are texts in the reference's order (buildpacks first, then the
 * stack), e.g. {@code Buildpack "x" for stack "cflinuxfs4" must be an existing admin buildpack or a valid git URI}.
 */
public final class AppBuildpackValidator {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Pattern SSH = Pattern.compile("\\A(?:ssh://)?git@.+?:.+?\\.git\\z");
    private static final Pattern GIT = Pattern.compile("\\Agit://.+?:.+?\\.git\\z");

    /** The admin buildpacks of a lifecycle with one of the given names (any stack, with or without bits). */
    public interface Lookup {
        List<Buildpack> named(List<String> names, String lifecycle);
    }

    private final Lookup lookup;

    public AppBuildpackValidator(Lookup lookup) {
        this.lookup = lookup;
    }

    /** A validator reading the admin buildpacks from the repository (one query). */
    public static AppBuildpackValidator over(BuildpackRepository buildpacks) {
        return new AppBuildpackValidator((names, lifecycle) -> buildpacks.list(ListQuery.all()
                .withFilter("names", names).withFilter("lifecycle", List.of(lifecycle))).resources());
    }

    /**
     * The problems of {@code buildpacks} for a {@code lifecycle} app on {@code stack} ({@code stackExists} false when
     * the requested stack is unknown; {@code stack} is then the unknown name and is not quoted in the texts).
     */
    public List<String> problems(String lifecycle, List<String> buildpacks, String stack, boolean stackExists) {
        List<String> problems = new ArrayList<>();
        List<String> names = buildpacks == null ? List.of() : buildpacks.stream()
                .filter(b -> b != null && !isBuildpackUri(b, lifecycle)).toList();
        if (!names.isEmpty()) {
            List<Buildpack> known = lookup.named(names.stream().distinct().toList(), lifecycle);
            for (String name : names) {
                if (known.stream().noneMatch(b -> usable(b, name, stackExists ? stack : null))) {
                    problems.add("Buildpack \"" + name + "\"" + (stackExists && stack != null
                            ? " for stack \"" + stack + "\"" : "")
                            + " must be an existing admin buildpack or a valid git URI");
                }
            }
        }
        if (!stackExists) {
            problems.add("Stack must be an existing stack");
        }
        return problems;
    }

    private static boolean usable(Buildpack b, String name, String stack) {
        return b.name().equals(name) && Buildpack.READY.equals(b.state())
                && (stack == null || b.stack() == null || b.stack().equals(stack));
    }

    /**
     * Whether the reference takes the text as a URL rather than a name: for buildpack apps any absolute URI or a git
     * SSH / git:// address; for cnb apps an http(s) URI or a {@code docker://} reference.
     */
    static boolean isBuildpackUri(String candidate, String lifecycle) {
        if (Lifecycle.CNB.equals(lifecycle)) {
            return candidate.startsWith("http://") || candidate.startsWith("https://")
                    ? isUri(candidate) : candidate.startsWith("docker://") && candidate.length() > 9;
        }
        return isUri(candidate) || SSH.matcher(candidate).matches() || GIT.matcher(candidate).matches();
    }

    private static boolean isUri(String candidate) {
        if (!SCHEME.matcher(candidate).matches()) {
            return false;
        }
        try {
            return new URI(candidate).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
