package dev.paperstream.ingest.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * The paper id each alias (an arXiv id, a normalized title) was first given, in {@code ingest.paper_alias}. One
 * round trip per digest each way, whatever its size.
 */
@ApplicationScoped
public class PaperAliasRepository {

    private final DataSource dataSource;

    PaperAliasRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, String> idsOf(Collection<String> aliases) {
        Map<String, String> ids = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select alias, paper_id from ingest.paper_alias where alias = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", aliases.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read paper aliases", e);
        }
        return ids;
    }

    /** Records the ids of aliases not known yet; an alias keeps the id it was first given. */
    public void remember(Map<String, String> idsByAlias) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into ingest.paper_alias (alias, paper_id)
                        select * from unnest(?::text[], ?::text[])
                        on conflict do nothing""")) {
            Array aliases = connection.createArrayOf("text", idsByAlias.keySet().toArray());
            Array ids = connection.createArrayOf("text", idsByAlias.values().toArray());
            insert.setArray(1, aliases);
            insert.setArray(2, ids);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not record paper aliases", e);
        }
    }
}
