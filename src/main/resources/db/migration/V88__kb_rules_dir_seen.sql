-- Issue 24: what the configured rules directory held when this database last read it (at a start-up, a reload
-- of the directory, a file-watch save). At start-up rules/ is a candidate only when it changed since then, so a
-- restart alone never changes the live version (a roll back made through the API stays rolled back).
create table kb_rules_dir (
    id           integer                  not null primary key,
    content_hash varchar(64),
    seen_at      timestamp with time zone,
    seen_by      varchar(128)
);
insert into kb_rules_dir (id) values (1);
