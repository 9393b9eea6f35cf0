--liquibase formatted sql

--changeset concert:0006-schedule-opening-index
-- the next window to open after now: until then the bookable listing cannot change (the listing cache's deadline)
CREATE INDEX ix_schedule_booking_opens ON concert_schedule (booking_opens_at);
--rollback DROP INDEX ix_schedule_booking_opens;
