package dev.paperstream.query.follow;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A profile of its own restarts the application, and with it the catalogue resource: a fresh database, apart from
 * the known catalogue the other tests share (whose counts and listings the table's papers would change).
 */
public class OwnCatalogue implements QuarkusTestProfile {
}
