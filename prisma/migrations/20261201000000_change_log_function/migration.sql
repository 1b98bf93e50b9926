-- The change log in SQL: how an audit event and its webhook outbox rows are written, as one
-- function that ChangeLog (src/modules/audit/change-log.ts) calls with a batch of changes and
-- that the write functions (the next migrations) call from inside PostgreSQL, so that a
-- mutation done in one statement records its changes as every other write does.
--
-- No schema.prisma change: the drift test compares tables, not functions. Prisma's migration
-- runner splits scripts at every semicolon, even inside a quoted function body, so the bodies
-- are escaped strings with their semicolons written as \073.

-- The API's global ID of a row: "Type:id" in unpadded base64url (src/shared/global-id.ts).
-- encode() breaks base64 lines at 76 characters, hence the newlines removed.
CREATE FUNCTION claimtrail_global_id(p_type text, p_id text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS E'SELECT rtrim(translate(encode(convert_to(p_type || '':'' || p_id, ''UTF8''), ''base64''), ''+/'' || chr(10), ''-_''), ''='')';

-- A time as JSON.stringify writes a Date (what ChangeLog stores): UTC, milliseconds, "Z".
CREATE FUNCTION claimtrail_json_time(p_at timestamptz) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS E'SELECT to_char(p_at AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'')';

-- Whether a JSON value is a UUID string (isUuid in src/shared/global-id.ts).
CREATE FUNCTION claimtrail_is_uuid(p_value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'SELECT jsonb_typeof(p_value) = ''string''
     AND (p_value #>> ''{}'') ~* ''^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''';

-- A JSON value with, at any depth, the UUID value of each reference key (p_references:
-- key -> type) as a global ID.
CREATE FUNCTION claimtrail_references_to_global_ids(p_value jsonb, p_references jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS E'BEGIN
  IF jsonb_typeof(p_value) = ''array'' THEN
    RETURN (SELECT coalesce(jsonb_agg(claimtrail_references_to_global_ids(e.value, p_references) ORDER BY e.n), ''[]'')
            FROM jsonb_array_elements(p_value) WITH ORDINALITY AS e(value, n))\073
  ELSIF jsonb_typeof(p_value) = ''object'' THEN
    RETURN (SELECT coalesce(jsonb_object_agg(e.key,
                     CASE WHEN p_references ? e.key AND claimtrail_is_uuid(e.value)
                          THEN to_jsonb(claimtrail_global_id(p_references->>e.key, e.value #>> ''{}''))
                          ELSE claimtrail_references_to_global_ids(e.value, p_references) END), ''{}'')
            FROM jsonb_each(p_value) AS e)\073
  END IF\073
  RETURN p_value\073
END';

-- snapshotWithGlobalIds (src/modules/audit/snapshot-ids.ts) for webhook payloads: the
-- snapshot's references (p_references, given by ChangeLog) and its own id (a p_entity_type's)
-- as global IDs.
CREATE FUNCTION claimtrail_snapshot_global_ids(p_entity_type text, p_snapshot jsonb, p_references jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS E'DECLARE
  converted jsonb\073
BEGIN
  IF jsonb_typeof(p_snapshot) IS DISTINCT FROM ''object'' THEN
    RETURN p_snapshot\073
  END IF\073
  converted := claimtrail_references_to_global_ids(p_snapshot, p_references)\073
  IF claimtrail_is_uuid(converted->''id'') THEN
    converted := jsonb_set(converted, ''{id}'', to_jsonb(claimtrail_global_id(p_entity_type, converted->>''id'')))\073
  END IF\073
  RETURN converted\073
END';

-- Records changes: the audit events in the given order, then a webhook delivery for every
-- active endpoint subscribed to an event's type, and their graphile-worker jobs queued with
-- one add_jobs call. Commit and outbox are therefore one: no change without its deliveries,
-- no delivery of a change that rolled back. Returns how many deliveries were queued.
-- p_changes: [{action, entityType, entityId, claimId, relatedClaimId, before, after, event}]
-- (ChangeLog's Change, rows as JSON). p_context (ChangeLog.context): who made the changes
-- {apiKeyId, actorLabel, requestId} and how webhooks are queued
-- {webhooks: {task, maxAttempts, eventNames, references}}.
CREATE FUNCTION claimtrail_record_changes(p_changes jsonb, p_context jsonb) RETURNS int
LANGUAGE plpgsql AS E'DECLARE
  webhooks jsonb := p_context->''webhooks''\073
  deliveries uuid[]\073
BEGIN
  WITH input AS MATERIALIZED (
    SELECT nextval(''audit_events_id_seq'') AS audit_id, c.change->>''action'' AS action,
           c.change->>''entityType'' AS entity_type, (c.change->>''entityId'')::uuid AS entity_id,
           (c.change->>''claimId'')::uuid AS claim_id, (c.change->>''relatedClaimId'')::uuid AS related_claim_id,
           c.change->''before'' AS before, c.change->''after'' AS after, c.change->>''event'' AS event
    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS c(change, n)
    ORDER BY c.n
  ), ev AS (
    INSERT INTO audit_events (id, action, entity_type, entity_id, claim_id, related_claim_id, api_key_id, actor_label,
                              request_id, before, after)
    SELECT i.audit_id, i.action::"AuditAction", i.entity_type, i.entity_id, i.claim_id, i.related_claim_id,
           (p_context->>''apiKeyId'')::uuid, p_context->>''actorLabel'', p_context->>''requestId'',
           nullif(i.before, ''null''), nullif(i.after, ''null'')
    FROM input i ORDER BY i.audit_id
    RETURNING id, occurred_at
  ), delivered AS (
    INSERT INTO webhook_deliveries (endpoint_id, event_type, audit_event_id, payload)
    SELECT e.id, i.event::"WebhookEventType", ev.id,
           jsonb_build_object(''type'', webhooks->''eventNames''->>i.event,
                              ''timestamp'', claimtrail_json_time(ev.occurred_at),
                              ''data'', jsonb_build_object(
                                ''action'', i.action,
                                ''entity'', jsonb_build_object(''type'', i.entity_type,
                                                             ''id'', claimtrail_global_id(i.entity_type, i.entity_id::text)),
                                ''claimId'', claimtrail_global_id(''Claim'', i.claim_id::text),
                                ''after'', claimtrail_snapshot_global_ids(i.entity_type, i.after, webhooks->''references'')))
    FROM input i JOIN ev ON ev.id = i.audit_id
    JOIN webhook_endpoints e ON e.active AND i.event::"WebhookEventType" = ANY (e.event_types)
    WHERE i.event IS NOT NULL
    ORDER BY ev.id, e.id
    RETURNING id
  )
  SELECT array_agg(id) INTO deliveries FROM delivered\073
  IF deliveries IS NULL THEN
    RETURN 0\073
  END IF\073
  PERFORM graphile_worker.add_jobs(ARRAY(
    SELECT (webhooks->>''task'', json_build_object(''deliveryId'', d.id), NULL, NULL,
            (webhooks->>''maxAttempts'')::smallint, d.id::text, NULL, NULL)::graphile_worker.job_spec
    FROM unnest(deliveries) WITH ORDINALITY AS d(id, n) ORDER BY d.n))\073
  RETURN cardinality(deliveries)\073
END';

-- A user error (one `userErrors` entry of a mutation's payload), raised by the write
-- functions: SQLSTATE CTU01, the message as the error's message, {"field", "code"} as its
-- detail. src/db/user-errors.ts turns it back into a UserInputError. The statement fails, so
-- nothing it wrote stays.
CREATE FUNCTION claimtrail_user_error(p_field text, p_message text, p_code text) RETURNS void
LANGUAGE plpgsql AS E'BEGIN
  RAISE EXCEPTION USING ERRCODE = ''CTU01'', MESSAGE = p_message,
    DETAIL = jsonb_build_object(''field'', p_field, ''code'', p_code)::text\073
END';
