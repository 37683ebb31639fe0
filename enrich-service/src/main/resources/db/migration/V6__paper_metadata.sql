-- What real digests carry besides the text: author names in order and arXiv categories (primary first) per paper,
-- and the Hugging Face upvote count at each appearance (a running count, so each digest is a snapshot of it).
--
-- A paper's authors and categories come from the earliest appearance that carried them: the same rule as its title
-- and abstract, except that an appearance without them (a page, a feed without categories) never erases or blocks
-- them. authors_seen / categories_seen hold that appearance's date, so the result does not depend on the order in
-- which digests are processed.
alter table paper
    add column authors         text[],
    add column authors_seen    date,
    add column categories      text[],
    add column categories_seen date;

alter table appearance add column upvotes integer;

-- author= is a case- and accent-insensitive substring of one name. unaccent is a trusted contrib extension (no
-- superuser needed) but only STABLE, because its dictionary could be swapped; naming the dictionary makes the fold
-- fixed, so it may be declared IMMUTABLE and indexed. Names are joined by a line break, which a search never
-- contains (the query service collapses white space), so a match never spans two names.
create extension if not exists unaccent schema public;

create function paperstream_folded_names(names text[]) returns text
    language sql immutable strict parallel safe
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, array_to_string(names, E'\n'))) $$;

-- Trigram GIN (pg_trgm, V3) answers "%substring%" for substrings of three characters or more: a rare name is a
-- bitmap scan of the papers that carry it; a common one is cheaper by walking paper_recent_idx, which the planner
-- picks when the query is planned with its values.
create index paper_authors_trgm_idx on paper using gin (paperstream_folded_names(authors) gin_trgm_ops);

-- category= is exact (categories @> array['cs.CL']): one GIN key per category.
create index paper_categories_idx on paper using gin (categories);
