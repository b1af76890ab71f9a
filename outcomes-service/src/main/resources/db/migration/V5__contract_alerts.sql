-- Contract utilisation alerts from contract-service (pathways.contract-alerts.v1): a contract's cap in a
-- period reaching 80% or 100%. Contract figures, not personal data. One row per contract, period, measure
-- and threshold, as contract-service announces them: a redelivered or re-published alert adds nothing.
create table contract_alert (
    contract_id       text not null,
    commissioner_icb  text not null,
    period_start      date not null,
    -- The period's last day, included.
    period_end        date not null,
    measure           text not null,
    threshold_percent integer not null,
    -- Episodes, or pence for BUDGET.
    cap               bigint not null,
    committed         bigint not null,
    used              bigint not null,
    reached_at        timestamptz not null,
    received_at       timestamptz not null,
    primary key (contract_id, period_start, measure, threshold_percent)
);
-- The reports read one ICB's alerts, newest first or by period.
create index contract_alert_icb_reached on contract_alert (commissioner_icb, reached_at);
