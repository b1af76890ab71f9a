-- Webhook subscriptions: a practice's clinical system hears about its referrals' status changes.
-- The signing secret is stored only encrypted (AES-256-GCM with the service's webhook key).
create table webhook_subscription (
    id                uuid primary key,
    practice_ods_code text not null,
    callback_url      text not null,
    secret_sealed     bytea not null,
    status            text not null check (status in ('ACTIVE', 'FAILING', 'SUSPENDED')),
    created_at        timestamptz not null,
    created_by        text not null,
    last_success_at   timestamptz,
    last_failure_at   timestamptz,
    failing_since     timestamptz,
    last_failure      text
);
create index webhook_subscription_practice on webhook_subscription (practice_ods_code);

-- Deliveries: an outbox per subscription, written in the transaction of the status change. Payloads
-- carry no personal data. Sent in seq order per (subscription, referral).
create table webhook_delivery (
    id              uuid primary key,
    seq             bigserial not null unique,
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    referral_id     uuid not null,
    event_type      text not null,
    payload         text not null,
    created_at      timestamptz not null,
    state           text not null check (state in ('PENDING', 'DELIVERED', 'GAVE_UP')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_attempt_at timestamptz,
    delivered_at    timestamptz,
    last_error      text
);
-- What the dispatcher looks for: pending deliveries that are due.
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
-- Head of the line per subscription and referral, and the pending count per subscription.
create index webhook_delivery_line on webhook_delivery (subscription_id, referral_id, seq) where state = 'PENDING';
-- Purging finished deliveries.
create index webhook_delivery_finished on webhook_delivery (created_at) where state <> 'PENDING';
