package dev.paperstream.notify.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.notify.domain.AttemptResult;
import dev.paperstream.notify.domain.NextStep;

/**
 * The deliveries still to make and those made, in PostgreSQL ({@code notify.delivery}, {@code notify.attempt}): what
 * is consumed from Kafka is written here before its offset is committed, and a dispatcher sends from here, so neither
 * a restart of this service nor a receiver that is down loses a delivery. Callers hold the transaction.
 */
@ApplicationScoped
public class Outbox {

    /** A message to store: its body is final, so every attempt sends the same bytes. */
    public record NewDelivery(String webhookId, String subscriptionId, String eventId, String paperId, String body) {
    }

    /** A delivery a dispatcher has claimed, with what it needs to send it. */
    public record Claimed(String webhookId, String subscriptionId, String url, String secret, String body,
                          int attempts, Instant createdAt) {
    }

    /** Counts by status, and the last attempts, newest first. */
    public record Statistics(long pending, long delivered, long failed, long attempts, Instant lastDeliveredAt,
                             List<Attempt> lastAttempts) {
    }

    public record Attempt(String webhookId, Instant attemptedAt, Integer statusCode, String error, long durationMs) {
    }

    private final DataSource dataSource;

    Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the deliveries; one already stored (the same webhook-id) is left as it is. Returns how many were new. */
    public int enqueue(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        String sql = "insert into delivery (webhook_id, subscription_id, event_id, paper_id, body) values (?, ?, ?, ?, ?) "
                + "on conflict (webhook_id) do nothing";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (NewDelivery delivery : deliveries) {
                statement.setString(1, delivery.webhookId());
                statement.setString(2, delivery.subscriptionId());
                statement.setString(3, delivery.eventId());
                statement.setString(4, delivery.paperId());
                statement.setString(5, delivery.body());
                statement.addBatch();
            }
            int inserted = 0;
            for (int count : statement.executeBatch()) {
                inserted += Math.max(count, 0);
            }
            return inserted;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled subscriptions, oldest due first. Rows another dispatcher
     * is claiming are skipped ({@code for update skip locked}), and a claimed row's next attempt moves {@code lease}
     * ahead, so no other instance takes it while it is being sent; if this one dies mid-send, the lease runs out and
     * the delivery is sent again (at least once).
     */
    public List<Claimed> claimDue(int limit, Duration lease) {
        String sql = """
                with due as (
                    select d.webhook_id from delivery d join subscription s on s.id = d.subscription_id
                    where d.status = 'pending' and d.next_attempt_at <= now() and s.disabled_at is null
                    order by d.next_attempt_at limit ?
                    for update of d skip locked)
                update delivery d set next_attempt_at = now() + ? * interval '1 millisecond'
                from due, subscription s
                where d.webhook_id = due.webhook_id and s.id = d.subscription_id
                returning d.webhook_id, d.subscription_id, s.url, s.secret, d.body, d.attempts, d.created_at""";
        return Jdbc.list(dataSource, sql, statement -> {
            statement.setInt(1, limit);
            statement.setLong(2, lease.toMillis());
        }, row -> new Claimed(row.getString("webhook_id"), row.getString("subscription_id"), row.getString("url"),
                row.getString("secret"), row.getString("body"), row.getInt("attempts"),
                row.getObject("created_at", OffsetDateTime.class).toInstant()));
    }

    /** Claims one delivery by id now, whatever its due time (the test endpoint sends at once). */
    public List<Claimed> claim(String webhookId, Duration lease) {
        String sql = """
                update delivery d set next_attempt_at = now() + ? * interval '1 millisecond'
                from subscription s
                where d.webhook_id = ? and d.status = 'pending' and s.id = d.subscription_id
                returning d.webhook_id, d.subscription_id, s.url, s.secret, d.body, d.attempts, d.created_at""";
        return Jdbc.list(dataSource, sql, statement -> {
            statement.setLong(1, lease.toMillis());
            statement.setString(2, webhookId);
        }, row -> new Claimed(row.getString("webhook_id"), row.getString("subscription_id"), row.getString("url"),
                row.getString("secret"), row.getString("body"), row.getInt("attempts"),
                row.getObject("created_at", OffsetDateTime.class).toInstant()));
    }

    /** Records the attempt and what follows it. Nothing happens when the subscription was deleted meanwhile. */
    public void record(Claimed delivery, Instant attemptedAt, AttemptResult result, NextStep next) {
        Jdbc.update(dataSource, """
                insert into attempt (webhook_id, subscription_id, attempted_at, duration_ms, status_code, error)
                select webhook_id, subscription_id, ?, ?, ?, ? from delivery where webhook_id = ?""", statement -> {
            statement.setObject(1, attemptedAt.atOffset(ZoneOffset.UTC));
            statement.setInt(2, (int) Math.min(Integer.MAX_VALUE, result.duration().toMillis()));
            statement.setObject(3, result.statusCode());
            statement.setString(4, result.error());
            statement.setString(5, delivery.webhookId());
        });
        Jdbc.update(dataSource, """
                update delivery set attempts = attempts + 1, status = ?, next_attempt_at = coalesce(?, next_attempt_at),
                    delivered_at = case when ? = 'delivered' then now() end, last_error = ?
                where webhook_id = ?""", statement -> {
            statement.setString(1, next.status());
            statement.setObject(2, next.nextAttemptAt() == null ? null : next.nextAttemptAt().atOffset(ZoneOffset.UTC),
                    java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setString(3, next.status());
            statement.setString(4, next.status().equals(NextStep.DELIVERED) ? null : result.describe());
            statement.setString(5, delivery.webhookId());
        });
    }

    public Statistics statistics(String subscriptionId, int lastAttempts) {
        String counts = """
                select count(*) filter (where status = 'pending') as pending,
                       count(*) filter (where status = 'delivered') as delivered,
                       count(*) filter (where status = 'failed') as failed,
                       coalesce(sum(attempts), 0) as attempts,
                       max(delivered_at) as last_delivered_at
                from delivery where subscription_id = ?""";
        List<Attempt> attempts = Jdbc.list(dataSource, """
                select webhook_id, attempted_at, status_code, error, duration_ms from attempt
                where subscription_id = ? order by id desc limit ?""", statement -> {
            statement.setString(1, subscriptionId);
            statement.setInt(2, lastAttempts);
        }, row -> new Attempt(row.getString("webhook_id"), row.getObject("attempted_at", OffsetDateTime.class).toInstant(),
                (Integer) row.getObject("status_code"), row.getString("error"), row.getLong("duration_ms")));
        return Jdbc.list(dataSource, counts, statement -> statement.setString(1, subscriptionId), row -> {
            OffsetDateTime last = row.getObject("last_delivered_at", OffsetDateTime.class);
            return new Statistics(row.getLong("pending"), row.getLong("delivered"), row.getLong("failed"),
                    row.getLong("attempts"), last == null ? null : last.toInstant(), attempts);
        }).get(0);
    }
}
