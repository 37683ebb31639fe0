-- A topic's papers, newest first, is what topic listings, topic feeds, trending topics and related papers read.
-- With each paper's first-seen date beside its topic rows that is one range scan of one index; before, the query
-- walked all papers by recency and probed each for the topic, reading ~25 papers per listed one for a topic of 4 %
-- of the catalogue and more for rarer topics. The writer copies the date from the paper in the same statement, and
-- re-inserts a paper's topic rows whenever the paper changes.
alter table paper_topic add column first_seen date;
update paper_topic pt set first_seen = p.first_seen from paper p where p.id = pt.paper_id;
alter table paper_topic alter column first_seen set not null;
create index paper_topic_recent_idx on paper_topic (topic_slug, first_seen desc, paper_id desc);
drop index paper_topic_topic_idx;
