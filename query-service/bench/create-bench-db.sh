#!/usr/bin/env bash
# Creates database $BENCH_DB (default paperstream_bench) with the catalogue schema (enrich-service's migrations,
# applied in Flyway's version order) and fills it with $PAPERS (default 100000) generated papers.
set -euo pipefail
cd "$(dirname "$0")"
DB=${BENCH_DB:-paperstream_bench}
PAPERS=${PAPERS:-100000}
PSQL=(psql -U "${PGUSER:-postgres}" -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -v ON_ERROR_STOP=1 -q)
started=$(date +%s)
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
for migration in $(ls ../../enrich-service/src/main/resources/db/migration/V*.sql | sort -V); do
    "${PSQL[@]}" -d "$DB" -f "$migration"
done
"${PSQL[@]}" -d "$DB" -v papers="$PAPERS" -f generate-catalogue.sql
echo "catalogue of $PAPERS papers built in $(( $(date +%s) - started )) s (schema and data)"
