-- Issue 22: sign-in lockout and disabled users. Additive only (expand/contract): the previous application version
-- keeps reading and writing app_user unchanged. failed_logins counts wrong passwords since failed_since (the window);
-- locked_until is set when the count reaches crosscheck.security.lockout.max-failures; disabled is an administrator's.
alter table app_user add column disabled boolean default false not null;
alter table app_user add column failed_logins integer default 0 not null;
alter table app_user add column failed_since timestamp with time zone;
alter table app_user add column locked_until timestamp with time zone;
