package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidates from different sample pairs (and neighbouring scales) that describe the same placement.
 * Its score is the sum over fg samples of each sample's best ZNCC inside the cluster, so a placement
 * that many fg samples find beats one that a single lucky pair found.
 */
final class VoteCluster {

    /** Pairs worth refining must score within this of the cluster's best pair. */
    static final double PAIR_MARGIN = 0.15;

    private final Candidate seed;
    private final Map<Integer, Candidate> bestPerFg = new LinkedHashMap<>();
    private final List<Candidate> members = new ArrayList<>();

    VoteCluster(Candidate seed) {
        this.seed = seed;
        add(seed);
    }

    Candidate seed() {
        return seed;
    }

    void add(Candidate c) {
        members.add(c);
        bestPerFg.merge(c.fg(), c, (a, b) -> a.score() >= b.score() ? a : b);
    }

    double score() {
        double sum = 0;
        for (Candidate c : bestPerFg.values()) {
            sum += Math.max(0, c.score());
        }
        return sum;
    }

    /**
     * For every fg sample, its best candidates with up to {@code perFg} different bg samples, none far
     * below the cluster's best score.
     */
    List<Candidate> leaders(int perFg) {
        Map<Long, Candidate> bestPerPair = new LinkedHashMap<>();
        for (Candidate c : members) {
            bestPerPair.merge(((long) c.fg() << 32) | c.bg(), c, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Candidate> sorted = new ArrayList<>(bestPerPair.values());
        sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
        double top = sorted.get(0).score();
        Map<Integer, Integer> taken = new LinkedHashMap<>();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : sorted) {
            if (c.score() < top - PAIR_MARGIN) {
                break;
            }
            if (taken.merge(c.fg(), 1, Integer::sum) <= perFg) {
                out.add(c);
            }
        }
        return out;
    }
}
