-- Issued payment statements: immutable once issued. A correction is a new statement (the next
-- sequence number of its contract and month) naming the one it corrects.
create table payment_statement (
    id                      text primary key,
    contract_id             text    not null references contract (id),
    month                   date    not null check (extract(day from month) = 1),
    sequence                integer not null check (sequence >= 1),
    corrects                text references payment_statement (id),
    issued_at               timestamptz not null,
    issued_by               text    not null,
    commissioner_pays_pence bigint  not null,
    prime_carries_pence     bigint  not null,
    body                    jsonb   not null,
    unique (contract_id, month, sequence)
);

create function payment_statement_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'payment statement %: an issued statement never changes; issue a correction', old.id;
end
$$;
create trigger payment_statement_immutable before update or delete on payment_statement
    for each row execute function payment_statement_is_immutable();
