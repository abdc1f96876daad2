package org.vidkompy.spatial;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vidkompy.spatial.SpatialAlignment.Consensus;

/**
 * Picks, among individually refined sample pairs, the placement that the most fg samples support.
 *
 * <p>Each refined pair is scored by the sum, over fg samples, of the best ZNCC that sample reaches
 * with any pair placed within {@code tolerance} of it. With unknown time alignment, an fg sample
 * paired with a bg sample of another moment still matches well wherever the camera had panned to,
 * but those false placements scatter, while every fg sample that has a time-corresponding bg
 * sample lands on the true one. Ties go to the higher ZNCC.
 */
final class RefinedVote {

    private final double tolerance;
    private final int contentWidth;
    private final int contentHeight;

    /**
     * @param tolerance bg pixels within which two placements count as the same: their content centres
     *                  that close, and their scales differing by less than moves the content's edges
     *                  that far from the centre
     */
    RefinedVote(double tolerance, int contentWidth, int contentHeight) {
        this.tolerance = tolerance;
        this.contentWidth = contentWidth;
        this.contentHeight = contentHeight;
    }

    Refined winner(List<Refined> refined) {
        Refined winner = null;
        double winnerSupport = -1;
        for (Refined r : refined) {
            double support = support(r, refined);
            if (support > winnerSupport + 1e-9
                    || Math.abs(support - winnerSupport) <= 1e-9 && r.best() > winner.best()) {
                winner = r;
                winnerSupport = support;
            }
        }
        // Within the winning group, continue from the pair that correlates best.
        Refined best = winner;
        for (Refined r : refined) {
            if (same(r, winner) && r.best() > best.best()) {
                best = r;
            }
        }
        return best;
    }

    /**
     * The pairs at {@code winner} for a joint final refinement: each agreeing fg sample's best pair,
     * highest ZNCC first, {@code winner}'s own pair first of all, at most {@code max}.
     */
    List<SamplePair> group(Refined winner, List<Refined> refined, int max) {
        Map<Integer, Refined> bestPerFg = new HashMap<>();
        for (Refined r : refined) {
            if (same(r, winner)) {
                bestPerFg.merge(r.pairs().get(0).fg(), r, (a, b) -> a.best() >= b.best() ? a : b);
            }
        }
        List<Refined> members = new java.util.ArrayList<>(bestPerFg.values());
        members.sort(java.util.Comparator.comparingDouble(Refined::best).reversed());
        List<SamplePair> out = new java.util.ArrayList<>();
        out.add(winner.pairs().get(0));
        for (Refined r : members) {
            SamplePair pair = r.pairs().get(0);
            if (out.size() < max && pair.fg() != winner.pairs().get(0).fg()) {
                out.add(pair);
            }
        }
        return out;
    }

    /**
     * Where the samples that did not land on {@code winner} agree among themselves: the placement of
     * each other group's best supported pair, the best supported group first, at most {@code max}.
     * Over a pan of a still scene the vote may go to pairs of different moments that happen to agree;
     * the truth is then among these, and only the whole clip can tell (the analysis tries them).
     */
    List<ContentPlacement> elsewhere(Refined winner, List<Refined> refined, int max) {
        List<Refined> byVotes = new java.util.ArrayList<>(refined);
        // By identity: two pairs refined to the same place are still two members.
        Map<Refined, Double> support = new java.util.IdentityHashMap<>();
        for (Refined r : byVotes) {
            support.put(r, support(r, refined));
        }
        byVotes.sort(java.util.Comparator.comparingDouble((Refined r) -> support.get(r))
                .thenComparingDouble(Refined::best).reversed());
        List<Refined> chosen = new java.util.ArrayList<>(List.of(winner));
        List<ContentPlacement> out = new java.util.ArrayList<>();
        for (Refined r : byVotes) {
            if (out.size() >= max) {
                break;
            }
            if (chosen.stream().noneMatch(c -> same(c, r))) {
                chosen.add(r);
                out.add(r.placement());
            }
        }
        return out;
    }

    /** Fg samples with a refined pair at {@code winner}, out of {@code voting}. */
    Consensus consensus(Refined winner, List<Refined> refined, int voting) {
        java.util.Set<Integer> agreeing = new java.util.HashSet<>();
        for (Refined r : refined) {
            if (same(r, winner)) {
                agreeing.add(r.pairs().get(0).fg());
            }
        }
        return new Consensus(agreeing.size(), voting);
    }

    private double support(Refined at, List<Refined> refined) {
        Map<Integer, Double> bestPerFg = new HashMap<>();
        for (Refined r : refined) {
            if (same(r, at)) {
                bestPerFg.merge(r.pairs().get(0).fg(), Math.max(0, r.best()), Math::max);
            }
        }
        double sum = 0;
        for (double z : bestPerFg.values()) {
            sum += z;
        }
        return sum;
    }

    boolean same(Refined a, Refined b) {
        // Centres, not corners: a small scale error moves the corner but hardly the centre.
        ContentPlacement p = a.placement();
        ContentPlacement q = b.placement();
        double dx = p.x() - q.x() + 0.5 * contentWidth * (p.scale() - q.scale());
        double dy = p.y() - q.y() + 0.5 * contentHeight * (p.scale() - q.scale());
        double edge = 0.5 * Math.abs(p.scale() - q.scale()) * Math.max(contentWidth, contentHeight);
        return Math.abs(dx) <= tolerance && Math.abs(dy) <= tolerance && edge <= tolerance;
    }
}
