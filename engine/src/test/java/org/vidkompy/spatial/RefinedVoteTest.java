package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vote among individually refined pairs, and where the samples that did not agree landed. */
class RefinedVoteTest {

    private static Refined pair(int fg, double x, double y, double zncc) {
        return new Refined(new ContentPlacement(x, y, 1.0), List.of(new SamplePair(fg, 0)), new double[] {zncc});
    }

    @Test
    void theMostSupportedPlacementWinsAndTheOthersAreReportedByTheirSupport() {
        RefinedVote vote = new RefinedVote(1.0, 40, 20);
        List<Refined> refined = List.of(
                pair(0, 10.0, 10.0, 0.95), pair(1, 10.3, 9.8, 0.96), pair(2, 9.9, 10.2, 0.94),
                pair(3, 30.0, 12.0, 0.99), pair(4, 30.4, 12.3, 0.98),
                pair(5, 55.0, 40.0, 0.99), pair(0, 55.2, 40.1, 0.97), pair(1, 54.8, 40.3, 0.97),
                pair(6, 80.0, 5.0, 0.90));
        Refined winner = vote.winner(refined);
        // Three fg samples each side at (10, 10) and (55, 40): the higher sum of their best ZNCC wins.
        assertEquals(55.0, winner.placement().x(), 1e-9);
        List<ContentPlacement> elsewhere = vote.elsewhere(winner, refined, 4);
        assertEquals(3, elsewhere.size());
        assertEquals(10.3, elsewhere.get(0).x(), 1e-9, "the best pair of the next best supported group");
        assertEquals(30.0, elsewhere.get(1).x(), 1e-9);
        assertEquals(80.0, elsewhere.get(2).x(), 1e-9);
        assertEquals(2, vote.elsewhere(winner, refined, 2).size(), "at most the number asked");
    }

    @Test
    void nothingElsewhereWhenEverySampleAgrees() {
        RefinedVote vote = new RefinedVote(1.0, 40, 20);
        List<Refined> refined = List.of(pair(0, 10.0, 10.0, 0.95), pair(1, 10.2, 9.9, 0.96));
        assertEquals(List.of(), vote.elsewhere(vote.winner(refined), refined, 4));
    }
}
