-- Issue 25: the clinic's contact details, printed on the client's take-home sheet (how to reach the clinic, and
-- the emergency number where the clinic is). All optional; a sheet without them leaves a line to write them in.
alter table clinic add column phone varchar(40);
alter table clinic add column email varchar(200);
alter table clinic add column address varchar(300);
alter table clinic add column hours varchar(200);
alter table clinic add column emergency_number varchar(20);
