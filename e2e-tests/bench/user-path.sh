#!/usr/bin/env bash
# The user-path benchmark: digest pages POSTed to ingest, enriched events read from Kafka, against the built jars,
# a real broker and a fresh database on the PostgreSQL the tests use.
#   e2e-tests/bench/user-path.sh [entries (default 20000)]
# BENCH_JAVA_OPTIONS reaches the benchmark's JVM, e.g. -Dbench.enrich.java-options=... for a service's own.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
exec java ${BENCH_JAVA_OPTIONS:-} -cp "e2e-tests/target/test-classes:$(cat e2e-tests/target/test.classpath)" \
    dev.paperstream.e2e.bench.UserPathBenchmark "${1:-20000}" "$PWD" "$PWD/../shared"
