-- Every change to an API key is announced on the channel claimtrail_api_keys, delivered
-- when its transaction commits, so that each server process evicts the key from its cache
-- (src/modules/auth/api-key-listener.ts). The payload is the key's secret_hash (both the
-- old and the new one when an UPDATE changes it), or '*' after a TRUNCATE (drop everything).
-- Whatever changes the key notifies: the GraphQL API, the CLI, plain SQL.
--
-- An UPDATE that changes only last_used_at (written on use, at most once a minute per key
-- and process) announces nothing. The rows are compared as jsonb without that column rather
-- than column by column, so a column added later is announced without touching this trigger.
--
-- No schema.prisma change: the drift test compares tables, not functions or triggers.
-- Prisma's migration runner splits scripts at every semicolon, even inside a quoted
-- function body, so the body is an escaped string with its semicolons written as \073.
CREATE FUNCTION claimtrail_api_keys_notify() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN
  IF TG_OP = ''TRUNCATE'' THEN
    PERFORM pg_notify(''claimtrail_api_keys'', ''*'')\073
  ELSIF TG_OP = ''INSERT'' THEN
    PERFORM pg_notify(''claimtrail_api_keys'', NEW.secret_hash)\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM pg_notify(''claimtrail_api_keys'', OLD.secret_hash)\073
  ELSIF (to_jsonb(OLD) - ''last_used_at'') IS DISTINCT FROM (to_jsonb(NEW) - ''last_used_at'') THEN
    PERFORM pg_notify(''claimtrail_api_keys'', OLD.secret_hash)\073
    IF NEW.secret_hash IS DISTINCT FROM OLD.secret_hash THEN
      PERFORM pg_notify(''claimtrail_api_keys'', NEW.secret_hash)\073
    END IF\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER api_keys_notify
AFTER INSERT OR UPDATE OR DELETE ON "api_keys"
FOR EACH ROW EXECUTE FUNCTION claimtrail_api_keys_notify();

CREATE TRIGGER api_keys_notify_truncate
AFTER TRUNCATE ON "api_keys"
FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_api_keys_notify();
