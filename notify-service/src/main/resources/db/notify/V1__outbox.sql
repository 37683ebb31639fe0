-- Subscriptions and the delivery outbox of notify-service, in its own schema (quarkus.flyway.schemas=notify).

create table subscription (
    id                   text primary key,
    url                  text        not null,
    -- the filter as /papers query parameters, each a list of values: {"topic": ["peft"]}
    filter               jsonb       not null,
    -- whsec_<base64>: kept as given, since every delivery is signed with it
    secret               text        not null,
    created_at           timestamptz not null default now(),
    -- deliveries refused in a row (non-retryable 4xx); a success resets it
    consecutive_refusals integer     not null default 0,
    disabled_at          timestamptz,
    disabled_reason      text
);

-- One webhook message: its body is fixed when the event is consumed, so every retry sends the same bytes under the
-- same webhook-id (derived from subscription id and the event's ce_id, so a redelivered event inserts nothing).
create table delivery (
    webhook_id      text primary key,
    subscription_id text        not null references subscription (id) on delete cascade,
    event_id        text        not null,
    paper_id        text        not null,
    body            text        not null,
    -- pending, delivered or failed
    status          text        not null default 'pending',
    attempts        integer     not null default 0,
    -- when a dispatcher may take it next; a claim pushes it past the attempt's deadline (the lease)
    next_attempt_at timestamptz not null default now(),
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    last_error      text
);

create index delivery_due_idx on delivery (next_attempt_at) where status = 'pending';
create index delivery_subscription_idx on delivery (subscription_id, status);

create table attempt (
    id              bigserial primary key,
    webhook_id      text        not null references delivery (webhook_id) on delete cascade,
    subscription_id text        not null,
    attempted_at    timestamptz not null,
    duration_ms     integer     not null,
    -- the receiver's HTTP status, null when none came (timeout, refused connection, refused target)
    status_code     integer,
    error           text
);

create index attempt_subscription_idx on attempt (subscription_id, id desc);
