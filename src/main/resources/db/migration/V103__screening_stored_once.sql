-- Issue 27: a screening's documents are stored once, compressed. response_gz holds the gzip of the exact bytes the
-- POST returned (the result with its compact explanation, and the visit beside it), which a GET streams back without
-- parsing; explanation_gz the gzip of the complete explanation (JSON). bytea is binary in PostgreSQL and an alias of
-- VARBINARY (unbounded) in H2 2.x, as in V10.
--
-- Expand/contract: rows stored before this migration keep result_json and explanation_json and are read from them
-- (io.crosscheck.screening.service.StoredDocuments); the migration rewrites nothing. New rows leave those two columns
-- null, unless crosscheck.storage.write-legacy-columns is set during a rolling upgrade from a version before V103
-- (whose nodes read only them; docs/operations.md).
alter table screening add column response_gz bytea;
alter table screening add column explanation_gz bytea;
alter table screening alter column result_json drop not null;
alter table screening alter column explanation_json drop not null;

-- screening_clinic_client_idx (V31) duplicated screening_clinic_idx (V20): both (clinic_id, client_ref).
drop index screening_clinic_client_idx;
