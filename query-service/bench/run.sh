#!/usr/bin/env bash
# Load benchmark of the query service as built, over the generated catalogue in $BENCH_DB.
#   query-service/bench/create-bench-db.sh    # once: 100,000 papers (a few minutes)
#   query-service/bench/run.sh [rate] [seconds-per-scenario] [scenario,...]   (listing,search,detail,related)
# Starts target/quarkus-app/quarkus-run.jar on port $BENCH_PORT (default 18083), runs the open-loop client,
# stops the service. Prints p50/p90/p99/max latency and req/s per scenario.
set -euo pipefail
cd "$(dirname "$0")"
DB=${BENCH_DB:-paperstream_bench}
PORT=${BENCH_PORT:-18083}
JAR=../target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ]; then
    (cd ../.. && ./mvnw -q -pl query-service package -DskipTests)
fi
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$DB" \
QUARKUS_DATASOURCE_USERNAME=${PGUSER:-postgres} \
QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-} \
    java -jar "$JAR" > "${TMPDIR:-/tmp}/query-service-bench.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
    if curl -fs "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; then
        break
    fi
    sleep 1
done
java -cp "../target/quarkus-app/lib/main/*" QueryLoadBenchmark.java "http://127.0.0.1:$PORT" "${1:-200}" "${2:-30}" "${3:-listing,search,detail,related}"
