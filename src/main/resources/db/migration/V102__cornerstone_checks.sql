-- Issue 28: what each candidate version concluded for each cornerstone case when it was checked (reload, upload,
-- proposal, activation), and the authors' acceptances of a changed conclusion for one version (with the second
-- author's confirmation where approval is required).
create table cornerstone_check (
    version          varchar(64)              not null,
    cornerstone_id   uuid                     not null references cornerstone (id),
    conclusion_json  varchar                  not null,
    fired            varchar                  not null,
    checked_at       timestamp with time zone not null,
    primary key (version, cornerstone_id)
);

create table cornerstone_acceptance (
    id               uuid                     not null primary key,
    cornerstone_id   uuid                     not null references cornerstone (id),
    version          varchar(64)              not null,
    conclusion_json  varchar                  not null,
    fired            varchar                  not null,
    accepted_by      varchar(128)             not null,
    accepted_at      timestamp with time zone not null,
    reason           varchar(2000)            not null,
    confirmed_by     varchar(128),
    confirmed_at     timestamp with time zone,
    confirm_reason   varchar(2000)
);
create unique index cornerstone_acceptance_idx on cornerstone_acceptance (cornerstone_id, version);
