-- Web UI backend: amendment chains and list summaries of screenings. Additive only (expand/contract): every new
-- column is nullable, so the previous application version keeps inserting and reading screenings unchanged;
-- a null is read as the default it stands for (see Screening).

-- Amendments: a corrected screening is a new row that amends the one it corrects; the original is never
-- changed. chain_id is the first version's id (null: the row is its own chain), version_no the version in the
-- chain (null: 1), screened_at the time of the visit the chain records (the first version's created_at; null:
-- created_at), so an amended visit keeps its place in a client's history.
alter table screening add column amends_id uuid;
alter table screening add column chain_id uuid;
alter table screening add column version_no integer;
alter table screening add column amend_reason varchar(500);
alter table screening add column screened_at timestamp with time zone;
alter table screening add column created_by varchar(128);
-- One amendment per version: a second amendment of the same version is refused (409), also when two race.
create unique index screening_amends_idx on screening (amends_id);
create index screening_chain_idx on screening (chain_id);

-- Summary of the result, written when the screening is stored, so client lists need not parse result_json:
-- the referral urgency ('none' when no referral) and each pattern's status ('UCS=consistent,LCS=partial,...').
-- Rows stored before this migration, or by the previous version during a rolling deploy, have nulls here and
-- are summarised from result_json when read (JSON cannot be parsed portably in SQL on both H2 and PostgreSQL).
alter table screening add column referral_urgency varchar(16);
alter table screening add column pattern_status varchar(500);

create index screening_clinic_client_idx on screening (clinic_id, client_ref);
