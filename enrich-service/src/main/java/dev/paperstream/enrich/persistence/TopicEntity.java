package dev.paperstream.enrich.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.paperstream.enrich.domain.Topic;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.logging.Log;

/** A row of the {@code topic} table: the taxonomy as deployed, rules included. */
@Entity
@Table(name = "topic")
public class TopicEntity extends PanacheEntityBase {

    @Id
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String rules;

    /** Example papers, {@code [{"title", "abstract"}]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String examples = "[]";

    /** Set by every edit through the API; default-topic migrations leave such topics as the deployment made them. */
    @Column(name = "edited_by_user", nullable = false)
    public boolean editedByUser;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<TopicEntity> allBySlug() {
        return list("order by slug");
    }

    /** The topic, or empty (logged) when the stored row is one the service cannot use. */
    public Optional<Topic> toUsableTopic() {
        try {
            return Optional.of(toTopic());
        } catch (IllegalArgumentException e) {
            Log.errorf("topic %s left out of tagging: %s", slug, e.getMessage());
            return Optional.empty();
        }
    }

    public Topic toTopic() {
        return new Topic(slug, name, description, RulesJson.rules(RulesJson.parse(rules)),
                RulesJson.examples(RulesJson.parse(examples)));
    }
}
