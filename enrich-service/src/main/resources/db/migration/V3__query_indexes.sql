-- Indexes the query service's reads need (its SQL lives in query-service; the catalogue schema lives here).
-- pg_trgm gives similarity() for related papers; the model and benchmark filters match names case-insensitively.
create extension if not exists pg_trgm;

create index mention_kind_lower_name_idx on mention (kind, lower(name));
