-- The catalogue: written by the enrich service only, read by the query service.

create table topic (
    slug        text primary key,
    name        text        not null,
    description text        not null default '',
    rules       jsonb       not null default '{}'::jsonb,
    updated_at  timestamptz not null default now()
);

create table digest (
    id                text primary key,
    digest_date       date        not null,
    source            text,
    entry_count       integer     not null,
    received_at       timestamptz,
    first_enriched_at timestamptz not null default now(),
    last_enriched_at  timestamptz not null default now()
);

create table paper (
    id              text primary key,
    arxiv_id        text,
    title           text        not null,
    abstract        text        not null,
    url             text,
    first_seen      date        not null,
    last_seen       date        not null,
    first_digest_id text        not null,
    first_position  integer     not null,
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    search          tsvector generated always as (
                        setweight(to_tsvector('english', title), 'A') ||
                        setweight(to_tsvector('english', abstract), 'B')) stored
);

create index paper_recent_idx on paper (first_seen desc, id desc);
create index paper_search_idx on paper using gin (search);
create index paper_arxiv_idx on paper (arxiv_id) where arxiv_id is not null;

create table paper_topic (
    paper_id   text    not null references paper (id) on delete cascade,
    topic_slug text    not null references topic (slug) on delete cascade,
    score      real    not null,
    evidence   text[]  not null default '{}',
    primary key (paper_id, topic_slug)
);

create index paper_topic_topic_idx on paper_topic (topic_slug, paper_id);

create table link (
    paper_id text not null references paper (id) on delete cascade,
    url      text not null,
    kind     text not null,
    target   text,
    primary key (paper_id, url)
);

create index link_kind_target_idx on link (kind, target);

create table mention (
    paper_id text not null references paper (id) on delete cascade,
    kind     text not null,
    name     text not null,
    size     text not null default '',
    text     text not null,
    primary key (paper_id, kind, name, size)
);

create index mention_kind_name_idx on mention (kind, name);

-- One row per paper per digest it appeared in; a digest's progress is the count of its rows.
-- The enrich service inserts the appearance first, before its digest and paper rows: the insert is what decides,
-- under concurrency too, whether an entry is new or a redelivery. So the references are checked at commit.
create table appearance (
    digest_id   text        not null references digest (id) on delete cascade deferrable initially deferred,
    paper_id    text        not null references paper (id) on delete cascade deferrable initially deferred,
    position    integer     not null,
    enriched_at timestamptz not null default now(),
    primary key (digest_id, paper_id)
);

create index appearance_paper_idx on appearance (paper_id);
