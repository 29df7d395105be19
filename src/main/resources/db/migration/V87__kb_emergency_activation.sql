-- Issue 24: an emergency revert goes live after validation without a second author's approval; it is
-- recorded here with its reason and awaits a review by another author (who, when, why).
create table kb_emergency (
    id               uuid                     not null primary key,
    version          varchar(64)              not null,
    reverted_version varchar(64)              not null,
    activated_at     timestamp with time zone not null,
    activated_by     varchar(128)             not null,
    reason           varchar(2000)            not null,
    reviewed_at      timestamp with time zone,
    reviewed_by      varchar(128),
    review_reason    varchar(2000)
);

create index kb_emergency_version_idx on kb_emergency (version);
