package dev.paperstream.notify.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Subscriptions in {@code notify.subscription}; callers hold the transaction. */
@ApplicationScoped
public class SubscriptionRepository {

    private static final TypeReference<LinkedHashMap<String, List<String>>> FILTER = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, url, filter::text as filter, secret, created_at, disabled_at, disabled_reason";

    private final DataSource dataSource;
    private final ObjectMapper json;

    SubscriptionRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Subscription insert(String id, String url, Map<String, List<String>> filter, String secret) {
        String sql = "insert into subscription (id, url, filter, secret) values (?, ?, ?::jsonb, ?) returning " + COLUMNS;
        return query(sql, statement -> {
            statement.setString(1, id);
            statement.setString(2, url);
            statement.setString(3, write(filter));
            statement.setString(4, secret);
        }).get(0);
    }

    public long count() {
        return Jdbc.count(dataSource, "select count(*) from subscription");
    }

    public List<Subscription> all() {
        return query("select " + COLUMNS + " from subscription order by created_at, id", statement -> {
        });
    }

    /** The subscriptions an event enriched at {@code at} may be delivered to: enabled and created before it. */
    public List<Subscription> enabledBefore(Instant at) {
        return query("select " + COLUMNS + " from subscription where disabled_at is null and created_at <= ?",
                statement -> statement.setObject(1, at.atOffset(ZoneOffset.UTC)));
    }

    public Optional<Subscription> find(String id) {
        return query("select " + COLUMNS + " from subscription where id = ?", statement -> statement.setString(1, id))
                .stream().findFirst();
    }

    public boolean delete(String id) {
        return Jdbc.update(dataSource, "delete from subscription where id = ?", statement -> statement.setString(1, id)) > 0;
    }

    /** Disables the subscription (once: the first reason stays) and fails what it still had pending. */
    public void disable(String id, String reason) {
        Jdbc.update(dataSource, "update subscription set disabled_at = now(), disabled_reason = ? "
                + "where id = ? and disabled_at is null", statement -> {
            statement.setString(1, reason);
            statement.setString(2, id);
        });
        Jdbc.update(dataSource, "update delivery set status = 'failed', last_error = ? "
                + "where subscription_id = ? and status = 'pending'", statement -> {
            statement.setString(1, "not sent: the subscription was disabled (" + reason + ")");
            statement.setString(2, id);
        });
    }

    /** Counts a refused delivery and answers how many were refused in a row before it. */
    public int countRefusal(String id) {
        return query("update subscription set consecutive_refusals = consecutive_refusals + 1 where id = ? "
                + "returning consecutive_refusals - 1 as before", statement -> statement.setString(1, id), row -> row.getInt(1))
                .stream().findFirst().orElse(0);
    }

    public void resetRefusals(String id) {
        Jdbc.update(dataSource, "update subscription set consecutive_refusals = 0 where id = ? and consecutive_refusals > 0",
                statement -> statement.setString(1, id));
    }

    private List<Subscription> query(String sql, Jdbc.Binder binder) {
        return query(sql, binder, this::read);
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowReader<T> reader) {
        return Jdbc.list(dataSource, sql, binder, reader);
    }

    private Subscription read(ResultSet row) throws SQLException {
        OffsetDateTime disabledAt = row.getObject("disabled_at", OffsetDateTime.class);
        return new Subscription(row.getString("id"), row.getString("url"), read(row.getString("filter")),
                row.getString("secret"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
                disabledAt == null ? null : disabledAt.toInstant(), row.getString("disabled_reason"));
    }

    private Map<String, List<String>> read(String filter) {
        try {
            return json.readValue(filter, FILTER);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filter is not the JSON this service writes: " + filter, e);
        }
    }

    private String write(Map<String, List<String>> filter) {
        try {
            return json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
