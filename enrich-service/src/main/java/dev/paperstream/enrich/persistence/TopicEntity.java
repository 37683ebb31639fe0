package dev.paperstream.enrich.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.paperstream.enrich.domain.Topic;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<TopicEntity> allBySlug() {
        return list("order by slug");
    }

    public Topic toTopic() {
        return new Topic(slug, name, description, RulesJson.rules(RulesJson.parse(rules)));
    }
}
