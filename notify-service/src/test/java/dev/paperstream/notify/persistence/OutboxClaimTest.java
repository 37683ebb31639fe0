package dev.paperstream.notify.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.devstack.TestDatabase;

/**
 * Two dispatchers on one outbox (two notify instances): claiming at the same time, they never get the same delivery,
 * and between them they get every due one. Real PostgreSQL, the service's own migration.
 */
class OutboxClaimTest {

    private static TestDatabase database;
    private static Outbox outbox;
    private static SubscriptionRepository subscriptions;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create("paperstream_notify_outbox");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        dataSource.setCurrentSchema("notify");
        Flyway.configure().dataSource(dataSource).schemas("notify").locations("db/notify")
                .table("flyway_notify_history").load().migrate();
        outbox = new Outbox(dataSource);
        subscriptions = new SubscriptionRepository(dataSource, new ObjectMapper());
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void concurrent_claims_split_the_due_deliveries_without_overlap() throws Exception {
        String subscription = subscriptions.insert("sub_claims", "https://93.184.216.34/", Map.of(), "whsec_x").id();
        List<Outbox.NewDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            deliveries.add(new Outbox.NewDelivery("msg_" + i, subscription, "event-" + i, "paper-" + i, "{}"));
        }
        assertThat(outbox.enqueue(deliveries)).isEqualTo(400);
        assertThat(outbox.enqueue(deliveries.subList(0, 10))).as("the same webhook-ids again").isZero();

        CyclicBarrier together = new CyclicBarrier(2);
        Callable<List<String>> dispatcher = () -> {
            together.await();
            List<String> claimed = new ArrayList<>();
            List<Outbox.Claimed> batch;
            while (!(batch = outbox.claimDue(7, Duration.ofMinutes(1))).isEmpty()) {
                batch.forEach(delivery -> claimed.add(delivery.webhookId()));
            }
            return claimed;
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = two.submit(dispatcher);
            Future<List<String>> second = two.submit(dispatcher);
            List<String> a = first.get();
            List<String> b = second.get();
            assertThat(a).doesNotHaveDuplicates().doesNotContainAnyElementsOf(b);
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            assertThat(all).hasSize(400).doesNotHaveDuplicates();
        } finally {
            two.shutdown();
        }
        assertThat(outbox.claimDue(10, Duration.ofMinutes(1))).as("all leased").isEmpty();
    }
}
