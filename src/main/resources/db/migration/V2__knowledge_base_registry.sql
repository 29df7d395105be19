-- Every knowledge base that was ever put live (content kept so rule files are retrievable by version),
-- and every load attempt: start-up, API reload, file watch; accepted or rejected.
create table kb_version (
    version         varchar(64)              not null primary key,
    first_loaded_at timestamp with time zone not null,
    origin          varchar(512)             not null,
    rule_count      integer                  not null,
    files_json      varchar                  not null
);

create table kb_load (
    id           uuid                     not null primary key,
    version      varchar(64),
    attempted_at timestamp with time zone not null,
    loaded_by    varchar(128)             not null,
    outcome      varchar(16)              not null,
    problems     varchar
);

create index kb_load_attempted_at_idx on kb_load (attempted_at);
