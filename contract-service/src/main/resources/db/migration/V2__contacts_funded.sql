-- The funding contract's cap on contacts per episode travels with the decision, so the referral
-- service can refuse a booking into a class with more sessions than the contract pays for.
alter table funding_decision add column contacts_funded integer;
update funding_decision d set contacts_funded = c.max_contacts_per_episode
    from contract c where d.funded and c.id = d.contract_id;
