-- Issue 23: cards a clinician wants to see. Portable between H2 and PostgreSQL.

-- The patient (the stored client reference, never the EHR's id), the day and the content of each card returned: a card
-- already shown for the patient that day (same fingerprint of kind, indicator, summary and detail) is not shown again,
-- and a repeated hookInstance gets the cards it got the first time. Every rule a card rests on (a pattern card: the
-- rules that drew its findings and the one that graded them), so feedback is found by any of them.
alter table cds_card add column client_ref varchar(64);
alter table cds_card add column issued_on date;
alter table cds_card add column fingerprint varchar(64);
alter table cds_card add column rule_ids varchar(1000);
create index cds_card_patient_day_idx on cds_card (clinic_id, client_ref, issued_on);
create index cds_invocation_client_instance_idx on cds_invocation (ehr_client, hook_instance);
