-- Issue 22: the SHA-256 of the request body stored with its Idempotency-Key, so a key reused with another body is
-- refused (422) instead of answering with the first screening. Nullable: rows stored before (or by the previous
-- version during a rolling deploy) have none and keep answering retries as before.
alter table screening add column idempotency_digest varchar(64);
