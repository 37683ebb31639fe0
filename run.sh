#!/usr/bin/env bash
# Builds paperstream and runs the whole pipeline locally: Kafka, PostgreSQL (yours, or an embedded one) and the
# four services. Ctrl-C stops all of it.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q package -DskipTests
exec java -jar devstack/target/paperstream-devstack.jar "$PWD"
