#!/usr/bin/env bash
# Builds paperstream and runs the whole pipeline locally: Kafka, PostgreSQL (yours, or an embedded one) and the
# four services. Ctrl-C stops all of it.
#   ./run.sh --infra-only   Kafka and PostgreSQL alone, for the services in dev mode (quarkus:dev) without Docker;
#                           prints the variables that point dev mode at them.
set -euo pipefail
cd "$(dirname "$0")"
if [[ ${1:-} == --infra-only ]]; then
  ./mvnw -B -q -pl devstack -am package -DskipTests
else
  ./mvnw -B -q package -DskipTests
fi
exec java -jar devstack/target/paperstream-devstack.jar "$PWD" "$@"
