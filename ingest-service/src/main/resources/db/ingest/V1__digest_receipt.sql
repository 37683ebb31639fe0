-- One row per accepted digest, written only after Kafka acknowledged every entry of it.
-- The query service reads it (read-only) to report a digest's progress.
create table digest_receipt (
    digest_id       text primary key,
    idempotency_key text unique,
    digest_date     date        not null,
    source          text,
    entries         int         not null,
    duplicates      int         not null,
    received_at     timestamptz not null
);
