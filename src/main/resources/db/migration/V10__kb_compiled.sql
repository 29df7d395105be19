-- Compiled knowledge-base modules (executable model jars) by content hash + engine fingerprint:
-- a restart or reload of an unchanged rule set loads one instead of compiling (issue 9).
create table kb_compiled (
    cache_key  varchar(200)             not null primary key,
    kb_version varchar(64)              not null,
    created_at timestamp with time zone not null,
    module     bytea                    not null
);
