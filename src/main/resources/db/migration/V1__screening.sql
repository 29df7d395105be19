-- Stored screenings. Portable between H2 and PostgreSQL: varchar without a length is unbounded text in both.
create table screening (
    id               uuid                     not null primary key,
    client_ref       varchar(64),
    created_at       timestamp with time zone not null,
    kb_version       varchar(64)              not null,
    request_json     varchar                  not null,
    result_json      varchar                  not null,
    explanation_json varchar                  not null
);

create index screening_client_ref_idx on screening (client_ref, created_at);
create index screening_created_at_idx on screening (created_at);
