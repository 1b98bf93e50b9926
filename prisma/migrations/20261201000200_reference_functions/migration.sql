-- References inside writes, in SQL: an actor or a source named by ID or found by name / URL
-- (created when new), and the attribution chain built from them. One definition for the
-- services (ActorService and SourceService resolveRef call these) and the write functions of
-- the next migration. The caller normalizes names and URLs in TypeScript first (nameKey,
-- canonicalUrl) and passes the results (actorRefJson and sourceRefJson).
-- Prisma's migration runner splits scripts at every semicolon, even inside a quoted function
-- body, so the bodies are escaped strings with their semicolons written as \073.

-- Rows as the change log records them and the write functions return them: the Prisma
-- model's field names, times as JSON.stringify writes them.
CREATE FUNCTION claimtrail_actor_json(a actors) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS E'SELECT jsonb_build_object(''id'', a.id, ''name'', a.name, ''nameKey'', a.name_key, ''kind'', a.kind,
    ''description'', a.description, ''affiliation'', a.affiliation,
    ''createdAt'', claimtrail_json_time(a.created_at), ''updatedAt'', claimtrail_json_time(a.updated_at))';

CREATE FUNCTION claimtrail_source_json(s sources) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS E'SELECT jsonb_build_object(''id'', s.id, ''url'', s.url, ''sourceKey'', s.source_key, ''title'', s.title, ''kind'', s.kind,
    ''language'', s.language, ''publisherId'', s.publisher_id, ''publishedAt'', claimtrail_json_time(s.published_at),
    ''retrievedAt'', claimtrail_json_time(s.retrieved_at), ''contentHash'', s.content_hash, ''archiveUrl'', s.archive_url,
    ''createdAt'', claimtrail_json_time(s.created_at), ''updatedAt'', claimtrail_json_time(s.updated_at))';

-- The actor with this name key, or with an alias of it (the older, should both exist): two
-- unique-index lookups (an OR of the two scans every actor). findActorByKey reads it too.
CREATE FUNCTION claimtrail_actor_by_key(p_key text) RETURNS actors
LANGUAGE plpgsql STABLE AS E'DECLARE
  resolved actors\073
BEGIN
  SELECT a.* INTO resolved
  FROM (SELECT a.* FROM actors a WHERE a.name_key = p_key
        UNION ALL
        SELECT a.* FROM actor_aliases al JOIN actors a ON a.id = al.actor_id WHERE al.alias_key = p_key) a
  ORDER BY a.created_at LIMIT 1\073
  RETURN resolved\073
END';

-- Adds aliases (p_aliases: [{alias, aliasKey}]) to an actor. One that names another actor, by
-- name or alias, is refused (DUPLICATE on p_field.<index>), also when a concurrent write
-- gave it to another actor first. One equal to the actor's own name, or given twice, is
-- skipped.
CREATE FUNCTION claimtrail_add_aliases(p_actor_id uuid, p_name_key text, p_aliases jsonb, p_field text) RETURNS void
LANGUAGE plpgsql AS E'DECLARE
  entry record\073
  owner actors\073
  fresh jsonb := ''[]''\073
  taken record\073
BEGIN
  FOR entry IN
    SELECT e.value->>''alias'' AS alias, e.value->>''aliasKey'' AS alias_key, e.n - 1 AS index
    FROM jsonb_array_elements(coalesce(p_aliases, ''[]'')) WITH ORDINALITY AS e(value, n) ORDER BY e.n
  LOOP
    CONTINUE WHEN entry.alias_key = p_name_key OR fresh @> jsonb_build_array(jsonb_build_object(''aliasKey'', entry.alias_key))\073
    owner := claimtrail_actor_by_key(entry.alias_key)\073
    IF owner.id IS NOT NULL AND owner.id <> p_actor_id THEN
      PERFORM claimtrail_user_error(p_field || ''.'' || entry.index,
                                    format(''"%s" already names %s.'', entry.alias, owner.name), ''DUPLICATE'')\073
    END IF\073
    fresh := fresh || jsonb_build_array(jsonb_build_object(''alias'', entry.alias, ''aliasKey'', entry.alias_key))\073
  END LOOP\073
  INSERT INTO actor_aliases (actor_id, alias, alias_key)
  SELECT p_actor_id, f->>''alias'', f->>''aliasKey'' FROM jsonb_array_elements(fresh) AS f
  ON CONFLICT DO NOTHING\073
  SELECT f.value->>''alias'' AS alias, f.n - 1 AS index INTO taken
  FROM jsonb_array_elements(fresh) WITH ORDINALITY AS f(value, n)
  JOIN actor_aliases al ON al.alias_key = f.value->>''aliasKey''
  WHERE al.actor_id <> p_actor_id
  ORDER BY f.n LIMIT 1\073
  IF taken.alias IS NOT NULL THEN
    PERFORM claimtrail_user_error(p_field || ''.'' || taken.index,
                                  format(''"%s" already names another actor.'', taken.alias), ''DUPLICATE'')\073
  END IF\073
END';

-- An actor reference inside a write (actorRefJson): by ID, or by name or alias, creating the
-- actor with its kind (and description, affiliation, aliases) when nobody by that name
-- exists, and recording the creation. Concurrent creators end with one row (ON CONFLICT), and
-- only the one that inserted it records it. p_field names the input for user errors.
CREATE FUNCTION claimtrail_resolve_actor(p_ref jsonb, p_field text, p_context jsonb) RETURNS actors
LANGUAGE plpgsql AS E'DECLARE
  resolved actors\073
BEGIN
  IF p_ref->>''id'' IS NOT NULL THEN
    SELECT * INTO resolved FROM actors WHERE id = (p_ref->>''id'')::uuid\073
    IF resolved.id IS NULL THEN
      PERFORM claimtrail_user_error(p_field || ''.id'', ''No actor has this ID.'', ''NOT_FOUND'')\073
    END IF\073
    RETURN resolved\073
  END IF\073
  resolved := claimtrail_actor_by_key(p_ref->>''nameKey'')\073
  IF resolved.id IS NOT NULL THEN
    RETURN resolved\073
  END IF\073
  IF p_ref->>''kind'' IS NULL THEN
    PERFORM claimtrail_user_error(p_field || ''.kind'',
                                  format(''No actor is named "%s"\073 give its kind to create it.'', p_ref->>''name''), ''REQUIRED'')\073
  END IF\073
  INSERT INTO actors (name, name_key, kind, description, affiliation)
  VALUES (p_ref->>''name'', p_ref->>''nameKey'', (p_ref->>''kind'')::"ActorKind", p_ref->>''description'', p_ref->>''affiliation'')
  ON CONFLICT DO NOTHING
  RETURNING * INTO resolved\073
  IF resolved.id IS NULL THEN
    SELECT * INTO resolved FROM actors WHERE name_key = p_ref->>''nameKey''\073
    RETURN resolved\073
  END IF\073
  PERFORM claimtrail_add_aliases(resolved.id, resolved.name_key, p_ref->''aliases'', p_field || ''.aliases'')\073
  PERFORM claimtrail_record_changes(jsonb_build_array(jsonb_build_object(
    ''action'', ''CREATED'', ''entityType'', ''Actor'', ''entityId'', resolved.id,
    ''after'', claimtrail_actor_json(resolved) || jsonb_build_object(''aliases'',
      (SELECT coalesce(jsonb_agg(e.value->''alias'' ORDER BY e.n), ''[]'')
       FROM jsonb_array_elements(coalesce(p_ref->''aliases'', ''[]'')) WITH ORDINALITY AS e(value, n))))), p_context)\073
  RETURN resolved\073
END';

-- The identity a source is found by: its canonical URL, or its publisher and title (by name
-- key). sourceKeyOf in src/modules/source/source.service.ts is the same rule for updateSource
-- and bulk import, and tests/write-functions.test.ts compares the two.
CREATE FUNCTION claimtrail_source_key(p_url text, p_title_key text, p_publisher_id uuid) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'SELECT CASE WHEN p_url IS NOT NULL THEN ''url:'' || p_url
              ELSE ''title:'' || coalesce(p_publisher_id::text, ''-'') || '':'' || coalesce(p_title_key, '''') END';

-- A source reference inside a write (sourceRefJson): by ID, or by canonical URL or publisher
-- and title (the publisher resolved first, as an actor reference on p_field.publisher),
-- creating the source when it is new and recording the creation. Metadata given for an
-- existing source does not overwrite it (updateSource does).
CREATE FUNCTION claimtrail_resolve_source(p_ref jsonb, p_field text, p_context jsonb) RETURNS sources
LANGUAGE plpgsql AS E'DECLARE
  resolved sources\073
  publisher actors\073
  wanted_key text\073
BEGIN
  IF p_ref->>''id'' IS NOT NULL THEN
    SELECT * INTO resolved FROM sources WHERE id = (p_ref->>''id'')::uuid\073
    IF resolved.id IS NULL THEN
      PERFORM claimtrail_user_error(p_field || ''.id'', ''No source has this ID.'', ''NOT_FOUND'')\073
    END IF\073
    RETURN resolved\073
  END IF\073
  IF jsonb_typeof(p_ref->''publisher'') = ''object'' THEN
    publisher := claimtrail_resolve_actor(p_ref->''publisher'', p_field || ''.publisher'', p_context)\073
  END IF\073
  wanted_key := claimtrail_source_key(p_ref->>''url'', p_ref->>''titleKey'', publisher.id)\073
  SELECT * INTO resolved FROM sources WHERE source_key = wanted_key\073
  IF resolved.id IS NOT NULL THEN
    RETURN resolved\073
  END IF\073
  IF coalesce(p_ref->>''title'', '''') = '''' THEN
    PERFORM claimtrail_user_error(p_field || ''.title'',
                                  format(''The source %s is new\073 give its title.'', coalesce(p_ref->>''url'', '''')), ''REQUIRED'')\073
  END IF\073
  INSERT INTO sources (url, source_key, title, kind, language, publisher_id, published_at, retrieved_at, content_hash,
                       archive_url)
  VALUES (p_ref->>''url'', wanted_key, p_ref->>''title'', coalesce(p_ref->>''kind'', ''NEWS_ARTICLE'')::"SourceKind", p_ref->>''language'',
          publisher.id, (p_ref->>''publishedAt'')::timestamptz, (p_ref->>''retrievedAt'')::timestamptz,
          p_ref->>''contentHash'', p_ref->>''archiveUrl'')
  ON CONFLICT DO NOTHING
  RETURNING * INTO resolved\073
  IF resolved.id IS NULL THEN
    SELECT * INTO resolved FROM sources WHERE source_key = wanted_key\073
    RETURN resolved\073
  END IF\073
  PERFORM claimtrail_record_changes(jsonb_build_array(jsonb_build_object(
    ''action'', ''CREATED'', ''entityType'', ''Source'', ''entityId'', resolved.id, ''after'', claimtrail_source_json(resolved))), p_context)\073
  RETURN resolved\073
END';

-- The attribution chain's rule (documented on RecordStatementInput.via in schema.graphql):
-- the speaker (SPOKE), the relays in order, then the source's publisher (REPORTED_BY) unless
-- the last hop already is that publisher. The last hop carries the source. p_relays:
-- resolved [{relation, actorId, sourceId, note}]. Returns the hops as
-- [{position, relation, actorId, sourceId, note}]. Bulk import applies the same rule
-- (chainHops in src/modules/attribution/attribution-chain.ts), and tests/write-functions.test.ts
-- compares the two.
CREATE FUNCTION claimtrail_chain_hops(p_speaker_id uuid, p_relays jsonb, p_source_id uuid, p_publisher_id uuid)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS E'DECLARE
  hops jsonb\073
  last int\073
BEGIN
  hops := jsonb_build_array(jsonb_build_object(''position'', 0, ''relation'', ''SPOKE'', ''actorId'', p_speaker_id,
                                               ''sourceId'', NULL, ''note'', NULL))
    || (SELECT coalesce(jsonb_agg(jsonb_build_object(''position'', r.n, ''relation'', r.value->''relation'',
                                                     ''actorId'', r.value->''actorId'', ''sourceId'', r.value->''sourceId'',
                                                     ''note'', r.value->''note'') ORDER BY r.n), ''[]'')
        FROM jsonb_array_elements(coalesce(p_relays, ''[]'')) WITH ORDINALITY AS r(value, n))\073
  last := jsonb_array_length(hops) - 1\073
  IF p_publisher_id IS NULL OR hops->last->>''actorId'' = p_publisher_id::text THEN
    RETURN jsonb_set(hops, ARRAY[last::text, ''sourceId''], to_jsonb(p_source_id))\073
  END IF\073
  RETURN hops || jsonb_build_array(jsonb_build_object(''position'', last + 1, ''relation'', ''REPORTED_BY'',
                                                      ''actorId'', p_publisher_id, ''sourceId'', p_source_id, ''note'', NULL))\073
END';

-- A statement's or evidence item's chain from its input: each relay of p_via
-- ([{relation, actor, source, note}], references as actorRefJson / sourceRefJson) resolved
-- in order, on p_field.<index>.actor and .source, then claimtrail_chain_hops.
CREATE FUNCTION claimtrail_resolve_chain(p_speaker_id uuid, p_via jsonb, p_source_id uuid, p_field text,
                                         p_context jsonb) RETURNS jsonb
LANGUAGE plpgsql AS E'DECLARE
  hop record\073
  actor actors\073
  source sources\073
  relays jsonb := ''[]''\073
BEGIN
  FOR hop IN
    SELECT h.value, h.n - 1 AS index FROM jsonb_array_elements(coalesce(p_via, ''[]'')) WITH ORDINALITY AS h(value, n)
    ORDER BY h.n
  LOOP
    actor := claimtrail_resolve_actor(hop.value->''actor'', p_field || ''.'' || hop.index || ''.actor'', p_context)\073
    source := NULL\073
    IF jsonb_typeof(hop.value->''source'') = ''object'' THEN
      source := claimtrail_resolve_source(hop.value->''source'', p_field || ''.'' || hop.index || ''.source'', p_context)\073
    END IF\073
    relays := relays || jsonb_build_array(jsonb_build_object(''relation'', hop.value->''relation'', ''actorId'', actor.id,
                                                             ''sourceId'', source.id, ''note'', hop.value->''note''))\073
  END LOOP\073
  RETURN claimtrail_chain_hops(p_speaker_id, relays, p_source_id,
                               (SELECT s.publisher_id FROM sources s WHERE s.id = p_source_id))\073
END';
