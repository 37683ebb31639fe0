package dev.paperstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MergedOrderTest {

    private static MergedOrder.Place at(int partition, long offset, long timestamp) {
        return new MergedOrder.Place(partition, offset, timestamp);
    }

    @Test
    void releasesByTimestampThenPartitionOnceNoPartitionCanBringAnEarlierRecord() {
        MergedOrder<String> order = new MergedOrder<>(List.of(0, 1, 2), 200);
        order.add(at(1, 0, 1000), "b@1000");
        order.add(at(0, 0, 1005), "a@1005");
        // partition 2 has shown nothing and is not read to its end: it may still bring an earlier record
        assertThat(order.release(partition -> partition != 2, 5000)).isEmpty();
        order.add(at(2, 0, 1000), "c@1000");
        // c@1000 ties with b@1000 and sorts after it; then it waits: partition 1 may bring another record at 1000
        assertThat(order.release(partition -> false, 5000)).containsExactly("b@1000");
        order.add(at(1, 1, 1010), "b@1010");
        // a@1005 waits for partition 2, which has nothing waiting and is not read to its end
        assertThat(order.release(partition -> false, 5000)).containsExactly("c@1000");
        // all read to their end, but a@1005 is within the grace period: a late append may still come
        assertThat(order.release(partition -> true, 1100)).isEmpty();
        assertThat(order.release(partition -> true, 1205)).containsExactly("a@1005");
        assertThat(order.release(partition -> true, 1210)).containsExactly("b@1010");
    }

    @Test
    void aPartitionKeepsItsOffsetOrderAndOnePartitionNeedsNoWaiting() {
        MergedOrder<String> single = new MergedOrder<>(List.of(0), 200);
        single.add(at(0, 7, 1000), "first");
        single.add(at(0, 8, 900), "second, with an earlier clock");
        assertThat(single.release(partition -> false, 0)).containsExactly("first", "second, with an earlier clock");
    }

    @Test
    void aResumeStartsOtherPartitionsAfterTheEventInTheSameOrder() {
        MergedOrder.Place event = at(1, 4, 1000);
        assertThat(event.firstTimestampAfter(0)).as("a lower partition's records at 1000 came before").isEqualTo(1001);
        assertThat(event.firstTimestampAfter(2)).as("a higher partition's records at 1000 come after").isEqualTo(1000);
    }
}
