-- Phrases that count against a topic move from negative weights in rules.terms to rules.against, so every weight a
-- user edits is a finite number from 0 up and is checked like any input. Tagging is unchanged: no re-tag.
update topic t
set rules = (t.rules - 'terms')
        || jsonb_build_object('terms', coalesce(
               (select jsonb_object_agg(key, value) from jsonb_each(t.rules -> 'terms')
                where jsonb_typeof(value) <> 'number' or (value #>> '{}')::numeric >= 0), '{}'::jsonb))
        || jsonb_build_object('against', coalesce(t.rules -> 'against', '{}'::jsonb) || (
               select jsonb_object_agg(key, to_jsonb(-((value #>> '{}')::numeric))) from jsonb_each(t.rules -> 'terms')
               where jsonb_typeof(value) = 'number' and (value #>> '{}')::numeric < 0)),
    updated_at = now()
where jsonb_typeof(t.rules -> 'terms') = 'object'
  and exists (select 1 from jsonb_each(t.rules -> 'terms') e
              where jsonb_typeof(e.value) = 'number' and (e.value #>> '{}')::numeric < 0);
