package dev.paperstream.query;

import java.util.Map;

import org.flywaydb.core.Flyway;

import dev.paperstream.devstack.PostgresDatabaseTestResource;

/**
 * A fresh database on the real PostgreSQL with the schema built the way its owners build it: enrich-service's
 * catalogue migrations (which include the query service's index migrations) and ingest-service's receipt table in
 * schema {@code ingest}. The service under test only reads, as in production.
 */
public class CatalogDatabaseTestResource extends PostgresDatabaseTestResource {

    private static final String CATALOGUE = "filesystem:../enrich-service/src/main/resources/db/migration";
    private static final String INGEST = "filesystem:../ingest-service/src/main/resources/db/ingest";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        String url = config.get("quarkus.datasource.jdbc.url");
        String user = config.get("quarkus.datasource.username");
        String password = config.get("quarkus.datasource.password");
        Flyway.configure().dataSource(url, user, password).locations(CATALOGUE).load().migrate();
        Flyway.configure().dataSource(url, user, password).schemas("ingest").table("flyway_ingest_history")
                .locations(INGEST).load().migrate();
        return config;
    }
}
