-- query-service: the model and benchmark filters match mention names case-insensitively.
create index mention_kind_lower_name_idx on mention (kind, lower(name));
