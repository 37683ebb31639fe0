package dev.paperstream.query.web;

import java.util.List;

import dev.paperstream.query.CatalogDatabaseTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The web page tests write papers of their own (hostile text, the sample digest) that would change the counts and
 * listings the API tests pin, so they run against a database of their own: one more start of the service.
 */
public class WebPageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CatalogDatabaseTestResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
