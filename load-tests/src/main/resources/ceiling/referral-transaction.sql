-- One referral as referral-service writes it: the referral row and its referral.submitted outbox row
-- (about 1 KB of JSON), in one transaction.
\set k random(1, 9000000000000000000)
BEGIN;
INSERT INTO referral (id, practice_ods_code, referrer, nhs_number, patient_name, date_of_birth, postcode,
    patient_pseudonym, joint, status, site_id, site_name, provider_id, provider_name, sessions, distance_metres,
    submitted_at, updated_at, reason_system, reason_code, max_travel_metres, routed_class_id, class_start_date)
VALUES (md5(:client_id || ':' || :k)::uuid, 'B86030', 'load-referrer', :k::text, 'Load Probe', '1956-03-14',
    'LS6 2AB', md5(:k::text), 'KNEE', 'SUBMITTED', 'site-1', 'Leeds Community Centre', 'leisure-1',
    'Active Lives Leisure', 12, 2400, now(), now(), 'http://snomed.info/sct', '239873007', 20000, 'class-1',
    current_date + 14);
INSERT INTO outbox_event (id, topic, event_key, type, subject, data_schema, occurred_at, payload)
VALUES (gen_random_uuid(), 'pathways.referrals.v1', md5(:client_id || ':' || :k)::uuid::text,
    'uk.nhs.pathways.referral.submitted', md5(:client_id || ':' || :k)::uuid::text,
    'urn:pathways:schema:referral.submitted:v1', now(),
    jsonb_build_object('referralId', md5(:client_id || ':' || :k)::uuid, 'patientPseudonym', md5(:k::text),
        'practiceOdsCode', 'B86030', 'joint', 'KNEE', 'siteId', 'site-1', 'providerId', 'leisure-1',
        'classId', 'class-1', 'sessions', 12, 'ranking', repeat('r', 640)));
COMMIT;
