package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ships the default rules with a learned model per topic ({@value #TOPICS}, frozen once released) to catalogues that
 * already exist, without overwriting what a deployment changed:
 * <ul>
 * <li>topics get {@code examples} and {@code edited_by_user}, which the topic API sets from now on, so later default
 * updates (V8, V9...) simply skip edited topics;</li>
 * <li>a topic edited before this migration is recognised by not matching any default the service ever shipped
 * (fingerprints of the four releases of {@code default-topics.json} in {@value #SHIPPED}); it is marked edited and
 * kept;</li>
 * <li>every other default topic present gets the new name, description and rules (a deleted one stays deleted);</li>
 * <li>a re-tag of the stored papers is requested; the service runs it in the background when it starts.</li>
 * </ul>
 */
public class V7__TopicModels extends BaseJavaMigration {

    static final String TOPICS = "taxonomy/topics-v7.json";
    static final String SHIPPED = "taxonomy/topics-v2-to-v6.sha256";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table topic add column examples jsonb not null default '[]'::jsonb");
            s.execute("alter table topic add column edited_by_user boolean not null default false");
            s.execute("""
                    create table retag_request (
                        id           bigint generated always as identity primary key,
                        reason       text        not null,
                        requested_at timestamptz not null default now(),
                        done_at      timestamptz
                    )""");
        }
        markEditedTopics(c, shippedFingerprints());
        V2__DefaultTopics.updateUneditedDefaults(c, TOPICS, "V7: default topic rules with learned models");
    }

    private static void markEditedTopics(Connection c, Set<String> shipped) throws SQLException, IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> edited = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select slug, name, description, rules::text from topic")) {
            while (rs.next()) {
                String print = fingerprint(rs.getString(1), rs.getString(2), rs.getString(3), json.readTree(rs.getString(4)));
                if (!shipped.contains(rs.getString(1) + " " + print)) {
                    edited.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement mark = c.prepareStatement("update topic set edited_by_user = true where slug = any(?)")) {
            mark.setArray(1, c.createArrayOf("text", edited.toArray()));
            mark.executeUpdate();
        }
    }

    /** SHA-256 of slug, name, description, threshold, title boost and the sorted terms, numbers to six decimals. */
    static String fingerprint(String slug, String name, String description, JsonNode rules) {
        StringBuilder text = new StringBuilder().append(slug).append('\n').append(name).append('\n').append(description)
                .append('\n').append(decimal(rules.path("threshold").asDouble(2.0))).append('\n')
                .append(decimal(rules.path("titleBoost").asDouble(2.5)));
        Map<String, Double> terms = new TreeMap<>();
        rules.path("terms").fields().forEachRemaining(t -> terms.put(t.getKey(), t.getValue().asDouble()));
        terms.forEach((term, weight) -> text.append('\n').append(term).append('=').append(decimal(weight)));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decimal(double value) {
        return String.format(java.util.Locale.ROOT, "%.6f", value);
    }

    private static Set<String> shippedFingerprints() throws IOException {
        try (InputStream in = V7__TopicModels.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " missing from the class path");
            }
            return new HashSet<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }
}
