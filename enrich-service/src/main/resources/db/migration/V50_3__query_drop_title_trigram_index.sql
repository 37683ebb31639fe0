-- query-service: nearest-title search by trigram KNN cost hundreds of milliseconds at 100,000 papers, so related
-- papers no longer use it; drop the index so writes do not pay for it. pg_trgm stays for similarity().
drop index if exists paper_title_trgm_idx;
