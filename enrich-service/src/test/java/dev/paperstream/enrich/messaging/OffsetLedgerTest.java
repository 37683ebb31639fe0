package dev.paperstream.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OffsetLedgerTest {

    private final OffsetLedger<Integer> ledger = new OffsetLedger<>();

    /** A batch's last record of a partition: what the ledger names batches by. */
    private record Last(int partition, long offset) {
    }

    @Test
    void aBatchThatFinishesFirstWaitsForTheOneDeliveredBeforeIt() {
        Last first = delivered(0, 499);
        Last second = delivered(0, 999);

        ledger.done(0, second);
        assertThat(ledger.toCommit()).as("the first batch may still fail or die with the process").isEmpty();

        ledger.done(0, first);
        assertThat(ledger.toCommit()).containsExactly(Map.entry(0, 1000L));
    }

    @Test
    void partitionsAdvanceIndependently() {
        Last p0 = delivered(0, 99);
        Last p1 = delivered(1, 49);
        Last p0Next = delivered(0, 199);

        ledger.done(1, p1);
        ledger.done(0, p0Next);

        assertThat(ledger.toCommit()).containsExactly(Map.entry(1, 50L));
        ledger.done(0, p0);
        assertThat(ledger.toCommit()).containsOnly(Map.entry(0, 200L), Map.entry(1, 50L));
    }

    @Test
    void aCommittedOffsetIsNotCommittedAgainButALaterOneFinishedMeanwhileIs() {
        Last first = delivered(0, 9);
        Last second = delivered(0, 19);
        ledger.done(0, first);
        Map<Integer, Long> commit = ledger.toCommit();

        ledger.done(0, second);
        ledger.committed(commit);
        assertThat(ledger.toCommit()).containsExactly(Map.entry(0, 20L));

        ledger.committed(ledger.toCommit());
        assertThat(ledger.toCommit()).isEmpty();
    }

    @Test
    void releasingAPartitionAnswersWhatItEarnedAndForgetsWhatWasInFlight() {
        Last done = delivered(2, 9);
        Last inFlight = delivered(2, 19);
        ledger.done(2, done);

        assertThat(ledger.release(List.of(2))).containsExactly(Map.entry(2, 10L));
        assertThat(ledger.toCommit()).isEmpty();

        ledger.done(2, inFlight);
        assertThat(ledger.toCommit()).as("a batch from before the release vouches for nothing").isEmpty();
    }

    /**
     * After a rebalance the same offsets come again in new batches. A batch of the earlier delivery that finishes
     * late names an offset the new batches also reach, but it held other records than they do, so it counts for none
     * of them.
     */
    @Test
    void aLateBatchFromBeforeARebalanceDoesNotStandInForANewBatchEndingAtTheSameOffset() {
        Last old = delivered(0, 499);
        ledger.release(List.of(0));
        Last again = delivered(0, 499);

        ledger.done(0, old);
        assertThat(ledger.toCommit()).isEmpty();

        ledger.done(0, again);
        assertThat(ledger.toCommit()).containsExactly(Map.entry(0, 500L));
    }

    private Last delivered(int partition, long lastOffset) {
        Last last = new Last(partition, lastOffset);
        ledger.delivered(partition, last, lastOffset);
        return last;
    }
}
