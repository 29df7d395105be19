-- Issue 27: a screening's request is stored compressed too (request_gz: the gzip of its JSON, 0.9 KB for the
-- article's 2.1 KB), which brings a stored screening under 16 KB on PostgreSQL. Expand/contract as V103: rows stored
-- before keep request_json and are read from it (io.crosscheck.screening.Screening#request); the migration rewrites
-- nothing. New rows leave request_json null, unless crosscheck.storage.write-legacy-columns is set during a rolling
-- upgrade from a version before V105 (docs/operations.md).
alter table screening add column request_gz bytea;
alter table screening alter column request_json drop not null;
-- what request_json's not-null said before: every row holds its request, in one column or the other
alter table screening add constraint screening_request_stored check (request_json is not null or request_gz is not null);
