-- query-service: related papers take their nearest titles by trigram distance (KNN on the GiST index).
create extension if not exists pg_trgm;

create index paper_title_trgm_idx on paper using gist (title gist_trgm_ops);
