-- Issue 24 (revert one change): the version that was active when a version first went live, so that
-- "undo this version's changes" knows what it changed. Null for versions stored before this migration
-- (their parent is read from the load history) and for the first version of a database.
-- Expand only: the previous application version neither reads nor writes the column.
alter table kb_version add column parent varchar(64);
