-- The lines of a digest page the splitter could not place in an entry, as [{"lines": "12-14", "reason": "..."}],
-- so a repeated POST answers with the same receipt as the first.
alter table digest_receipt add column unplaced jsonb not null default '[]';
