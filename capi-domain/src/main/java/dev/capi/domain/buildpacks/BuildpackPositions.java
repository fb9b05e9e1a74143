package dev.capi.domain.buildpacks;

/**
 * Keeps the positions of each lifecycle's buildpacks dense (1..n) as the reference's ordered list does: a buildpack
 * moved to a position shifts the ones between down or up; a position beyond the end means last; a deleted
 * buildpack's followers move up.
 */
final class BuildpackPositions {
    private final BuildpackRepository repository;

    BuildpackPositions(BuildpackRepository repository) {
        this.repository = repository;
    }

    /** The position a new buildpack takes when asked for {@code requested} (1 when null). */
    int forNew(String lifecycle, Integer requested) {
        int last = repository.lastPosition(lifecycle);
        int target = clamp(requested == null ? 1 : requested, last + 1);
        repository.shiftPositions(lifecycle, target, last, 1);
        return target;
    }

    /** Moves a buildpack from {@code current} to {@code requested}; returns the position it ends at. */
    int move(String lifecycle, int current, int requested) {
        int target = clamp(requested, repository.lastPosition(lifecycle));
        if (target < current) {
            repository.shiftPositions(lifecycle, target, current - 1, 1);
        } else if (target > current) {
            repository.shiftPositions(lifecycle, current + 1, target, -1);
        }
        return target;
    }

    /** Closes the gap a removed buildpack leaves. */
    void remove(String lifecycle, int position) {
        repository.shiftPositions(lifecycle, position + 1, repository.lastPosition(lifecycle), -1);
    }

    private static int clamp(int requested, int last) {
        return Math.max(1, Math.min(requested, Math.max(last, 1)));
    }
}
