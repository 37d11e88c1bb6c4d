-- A Scrollstop team on PostgreSQL, server schema version 1.
--
-- Applied by TeamServer::create_team in one transaction, under an advisory lock, in the team's
-- database, by the login that creates the team (it needs CREATE on the database and CREATEROLE).
-- Everything lives in the schema `scrollstop`, which only that login can create in.
--
-- Who may do what:
-- * Members are login roles, listed in scrollstop.members with their team role and, optionally,
--   the accounts (UUIDs) they may touch. The table is the authority; the group roles
--   <database>_owner, _editor, _reviewer and _viewer carry the SQL rights that go with it.
-- * Every group may read the op log (scrollstop.ops), the members and the head of the log, and
--   call the functions below; no client may INSERT, UPDATE or DELETE anything: changes arrive
--   only through scrollstop.push, which checks every op.
-- * viewer: nothing. reviewer: comments, and a draft's status. editor: everything but approving
--   a draft. owner: everything, and managing members.
-- * A member limited to accounts may only touch ops whose account is one of theirs: the op's
--   account_uuid, and the account its entity was first pushed under (scrollstop.entity_accounts),
--   so a later op cannot move an entity out of another account's reach by claiming a different
--   account. Ops that concern no account (subcultures, trends, settings) are refused to them.

CREATE SCHEMA scrollstop;
REVOKE ALL ON SCHEMA scrollstop FROM PUBLIC;

CREATE TABLE scrollstop.meta (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version    integer NOT NULL,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The last seq given. Its one row is taken FOR UPDATE by every push: pushes queue on it, so seqs
-- are gap-free and committed in order (a sequence could commit out of order and make a puller
-- skip an op).
CREATE TABLE scrollstop.counter (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_seq bigint NOT NULL CHECK (last_seq >= 0)
);
INSERT INTO scrollstop.counter (last_seq) VALUES (0);

CREATE TABLE scrollstop.ops (
    op_id        uuid PRIMARY KEY,
    seq          bigint NOT NULL UNIQUE CHECK (seq > 0),
    login        text NOT NULL,          -- the PostgreSQL login that pushed it
    author       text NOT NULL,          -- the member name the op is signed with
    at           timestamptz NOT NULL,   -- when the author made the change
    entity_kind  text NOT NULL,
    entity_uuid  text NOT NULL,          -- a UUID, or a natural key (videos, snapshots)
    account_uuid text,                   -- the account the entity belongs to; NULL: all share it
    field        text NOT NULL,
    value        jsonb,                  -- NULL: the entity was removed
    base_seq     bigint NOT NULL CHECK (base_seq >= 0),  -- the last seq the author had seen
    received_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE scrollstop.members (
    login    text PRIMARY KEY,
    role     text NOT NULL CHECK (role IN ('owner', 'editor', 'reviewer', 'viewer')),
    accounts text[] CHECK (array_position(accounts, NULL) IS NULL),  -- NULL: every account
    added_by text NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now()
);

-- The account each entity was last pushed under, for the account limits.
CREATE TABLE scrollstop.entity_accounts (
    entity_uuid  text PRIMARY KEY,
    account_uuid text NOT NULL
);

-- The group role of a team role in this database: <database>_<role>.
CREATE FUNCTION scrollstop.group_role(role text) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = scrollstop, pg_temp AS $$
DECLARE
    name text := current_database() || '_' || role;
BEGIN
    IF octet_length(name) > 63 THEN
        RAISE EXCEPTION 'the database name % is too long for the team''s role names (at most 54 bytes)',
            current_database() USING ERRCODE = 'name_too_long';
    END IF;
    RETURN name;
END $$;

CREATE FUNCTION scrollstop.is_in_role(login text, group_name text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = scrollstop, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM pg_catalog.pg_auth_members m
        JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
        JOIN pg_catalog.pg_roles u ON u.oid = m.member
        WHERE g.rolname = group_name AND u.rolname = login)
$$;

CREATE FUNCTION scrollstop.require_owner() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = scrollstop, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM scrollstop.members WHERE login = session_user AND role = 'owner') THEN
        RAISE EXCEPTION 'only the team''s owners manage members, and % is not one', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE FUNCTION scrollstop.require_an_owner() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = scrollstop, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM scrollstop.members WHERE role = 'owner') THEN
        RAISE EXCEPTION 'a team keeps at least one owner: make another member an owner first'
            USING ERRCODE = 'raise_exception';
    END IF;
END $$;

-- Makes `login` a member with `role` (no check of who asks: add_member checks, and create_team
-- calls it for the first owner). Creates the login when it does not exist, with the password
-- given as a SCRAM verifier (never in clear); an existing login's password is left alone.
-- Returns whether the login was created.
CREATE FUNCTION scrollstop.enroll(login text, role text, accounts text[], verifier text)
RETURNS boolean
LANGUAGE plpgsql SET search_path = scrollstop, pg_temp AS $$
DECLARE
    existing pg_catalog.pg_roles;
    r text;
BEGIN
    IF role IS NULL OR role NOT IN ('owner', 'editor', 'reviewer', 'viewer') THEN
        RAISE EXCEPTION 'the role % is not one of owner, editor, reviewer, viewer', role
            USING ERRCODE = 'raise_exception';
    END IF;
    IF login IS NULL OR login = '' OR octet_length(login) > 63 OR login LIKE 'pg\_%' THEN
        RAISE EXCEPTION 'the login "%" cannot be used (1 to 63 bytes, not starting with pg_)', login
            USING ERRCODE = 'raise_exception';
    END IF;
    SELECT * INTO existing FROM pg_catalog.pg_roles WHERE rolname = login;
    IF FOUND AND NOT existing.rolcanlogin THEN
        RAISE EXCEPTION '% is a group role, not a login, so it cannot be a member', login
            USING ERRCODE = 'raise_exception';
    END IF;
    IF NOT FOUND THEN
        IF verifier IS NULL THEN
            EXECUTE format('CREATE ROLE %I LOGIN', login);
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', login, verifier);
        END IF;
    END IF;
    FOREACH r IN ARRAY ARRAY['owner', 'editor', 'reviewer', 'viewer'] LOOP
        IF r <> role AND scrollstop.is_in_role(login, scrollstop.group_role(r)) THEN
            EXECUTE format('REVOKE %I FROM %I', scrollstop.group_role(r), login);
        END IF;
    END LOOP;
    IF NOT scrollstop.is_in_role(login, scrollstop.group_role(role)) THEN
        EXECUTE format('GRANT %I TO %I', scrollstop.group_role(role), login);
    END IF;
    INSERT INTO scrollstop.members AS m (login, role, accounts, added_by)
    VALUES (login, role, accounts, session_user)
    ON CONFLICT ON CONSTRAINT members_pkey
    DO UPDATE SET role = EXCLUDED.role, accounts = EXCLUDED.accounts;
    RETURN existing.rolname IS NULL;
END $$;

-- Takes the team's roles from `login` and drops it from the members. The login itself stays: it
-- may belong to other teams on this server.
CREATE FUNCTION scrollstop.unenroll(login text) RETURNS boolean
LANGUAGE plpgsql SET search_path = scrollstop, pg_temp AS $$
DECLARE
    r text;
BEGIN
    DELETE FROM scrollstop.members m WHERE m.login = unenroll.login;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    FOREACH r IN ARRAY ARRAY['owner', 'editor', 'reviewer', 'viewer'] LOOP
        IF scrollstop.is_in_role(login, scrollstop.group_role(r)) THEN
            EXECUTE format('REVOKE %I FROM %I', scrollstop.group_role(r), login);
        END IF;
    END LOOP;
    PERFORM scrollstop.require_an_owner();
    RETURN true;
END $$;

-- An owner adds a member or changes a member's role and accounts.
CREATE FUNCTION scrollstop.add_member(login text, role text, accounts text[], verifier text)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = scrollstop, pg_temp AS $$
DECLARE
    created boolean;
BEGIN
    PERFORM scrollstop.require_owner();
    created := scrollstop.enroll(login, role, accounts, verifier);
    PERFORM scrollstop.require_an_owner();
    RETURN jsonb_build_object('created_login', created,
                              'password_set', created AND verifier IS NOT NULL);
END $$;

-- An owner removes a member. Returns whether it was one.
CREATE FUNCTION scrollstop.remove_member(login text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = scrollstop, pg_temp AS $$
BEGIN
    PERFORM scrollstop.require_owner();
    RETURN scrollstop.unenroll(login);
END $$;

-- A member leaves the team.
CREATE FUNCTION scrollstop.leave() RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = scrollstop, pg_temp AS $$
BEGIN
    RETURN scrollstop.unenroll(session_user);
END $$;

-- Whether an op sets a draft to approved (a status op, or a draft created approved).
CREATE FUNCTION scrollstop.approves(op jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = scrollstop, pg_temp AS $$
    SELECT op->>'entity_kind' = 'draft'
       AND lower(replace(CASE
               WHEN op->>'field' = 'status' THEN op->'value' #>> '{}'
               WHEN op->>'field' = '*' THEN op->'value'->>'status'
           END, '_', '')) = 'approved'
$$;

-- Why `me` may not push `op`, in words; NULL when it may.
CREATE FUNCTION scrollstop.refusal(me scrollstop.members, op jsonb) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = scrollstop, pg_temp AS $$
DECLARE
    kind text := op->>'entity_kind';
    claimed text := op->>'account_uuid';
    pinned text;
BEGIN
    IF me.login IS NULL THEN
        RETURN format('%s is not a member of this team', session_user);
    END IF;
    IF me.role = 'viewer' THEN
        RETURN 'viewers cannot change anything';
    ELSIF me.role = 'reviewer'
          AND NOT (kind = 'comment' OR (kind = 'draft' AND op->>'field' = 'status')) THEN
        RETURN 'reviewers can only comment and change a draft''s status';
    ELSIF me.role = 'editor' AND scrollstop.approves(op) THEN
        RETURN 'only reviewers and owners can approve a draft';
    END IF;
    IF me.accounts IS NOT NULL THEN
        SELECT account_uuid INTO pinned FROM scrollstop.entity_accounts
        WHERE entity_uuid = op->>'entity_uuid';
        IF claimed IS NULL AND pinned IS NULL THEN
            RETURN 'members limited to some accounts cannot change what all accounts share (subcultures, trends, settings)';
        ELSIF claimed IS NOT NULL AND NOT claimed = ANY (me.accounts) THEN
            RETURN format('%s may only change the accounts they were given, and this change is to account %s',
                          me.login, claimed);
        ELSIF pinned IS NOT NULL AND NOT pinned = ANY (me.accounts) THEN
            RETURN format('%s may only change the accounts they were given, and this belongs to account %s',
                          me.login, pinned);
        END IF;
    END IF;
    RETURN NULL;
END $$;

-- Why an op is not well formed; NULL when it is.
CREATE FUNCTION scrollstop.malformed(op jsonb) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = scrollstop, pg_temp AS $$
    SELECT CASE
        WHEN jsonb_typeof(op) IS DISTINCT FROM 'object' THEN 'an op must be a JSON object'
        WHEN NOT coalesce(op->>'op_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', false)
            THEN 'op_id must be a UUID'
        WHEN jsonb_typeof(op->'author') IS DISTINCT FROM 'string' THEN 'author must be text'
        WHEN NOT coalesce(op->>'at' ~ '^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d(:?\d\d)?)$', false)
            THEN 'at must be an RFC 3339 time'
        WHEN coalesce(op->>'entity_kind', '') = '' THEN 'entity_kind must be given'
        WHEN coalesce(op->>'entity_uuid', '') = '' THEN 'entity_uuid must be given'
        WHEN jsonb_typeof(op->'field') IS DISTINCT FROM 'string' THEN 'field must be text'
        WHEN coalesce(jsonb_typeof(op->'account_uuid'), 'null') NOT IN ('string', 'null')
            THEN 'account_uuid must be text or null'
        WHEN jsonb_typeof(op->'base_seq') IS DISTINCT FROM 'number'
            OR NOT (op->>'base_seq' ~ '^\d+$') THEN 'base_seq must be a whole number, 0 or more'
    END
$$;

-- Stores a batch of ops: a JSON array of objects
--   {"op_id": uuid, "author": text, "at": RFC 3339, "entity_kind": text, "entity_uuid": text,
--    "account_uuid": text or null, "field": text, "value": any JSON (absent: removed),
--    "base_seq": integer}
-- and answers, in the same order, {"op_id": ..., "seq": n} for an op stored (now or by an
-- earlier push of the same op: a resent batch is harmless) or {"op_id": ..., "refused": why}.
-- NOTIFY scrollstop_ops (payload: the last seq) tells listening members when anything was stored.
CREATE FUNCTION scrollstop.push(batch jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = scrollstop, pg_temp AS $$
DECLARE
    me scrollstop.members;
    op jsonb;
    answers jsonb[] := '{}';
    last bigint;
    given bigint;
    why text;
    stored integer := 0;
BEGIN
    IF jsonb_typeof(batch) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'scrollstop.push takes a JSON array of ops' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO me FROM scrollstop.members WHERE login = session_user;
    -- Pushes queue here; once the row is ours, every earlier push has committed, and each
    -- statement below sees its ops.
    SELECT last_seq INTO last FROM scrollstop.counter FOR UPDATE;
    FOR op IN SELECT value FROM jsonb_array_elements(batch) LOOP
        why := scrollstop.malformed(op);
        IF why IS NULL THEN
            SELECT seq INTO given FROM scrollstop.ops WHERE op_id = (op->>'op_id')::uuid;
            IF FOUND THEN
                answers := array_append(answers, jsonb_build_object('op_id', op->'op_id', 'seq', given));
                CONTINUE;
            END IF;
            why := scrollstop.refusal(me, op);
        END IF;
        IF why IS NOT NULL THEN
            answers := array_append(answers, jsonb_build_object('op_id', op->'op_id', 'refused', why));
            CONTINUE;
        END IF;
        given := NULL;
        INSERT INTO scrollstop.ops (op_id, seq, login, author, at, entity_kind, entity_uuid,
                                    account_uuid, field, value, base_seq)
        VALUES ((op->>'op_id')::uuid, last + 1, session_user, op->>'author',
                (op->>'at')::timestamptz, op->>'entity_kind', op->>'entity_uuid',
                op->>'account_uuid', op->>'field', op->'value', (op->>'base_seq')::bigint)
        ON CONFLICT (op_id) DO NOTHING
        RETURNING seq INTO given;
        IF given IS NULL THEN
            -- Stored by another push after all: not possible while we hold the counter, but a
            -- seq is only spent on a row really inserted.
            SELECT seq INTO given FROM scrollstop.ops WHERE op_id = (op->>'op_id')::uuid;
        ELSE
            last := given;
            stored := stored + 1;
            IF op->>'account_uuid' IS NOT NULL THEN
                INSERT INTO scrollstop.entity_accounts (entity_uuid, account_uuid)
                VALUES (op->>'entity_uuid', op->>'account_uuid')
                ON CONFLICT (entity_uuid) DO UPDATE SET account_uuid = EXCLUDED.account_uuid
                WHERE entity_accounts.account_uuid <> EXCLUDED.account_uuid;
            END IF;
        END IF;
        answers := array_append(answers, jsonb_build_object('op_id', op->'op_id', 'seq', given));
    END LOOP;
    IF stored > 0 THEN
        UPDATE scrollstop.counter SET last_seq = last;
        PERFORM pg_notify('scrollstop_ops', last::text);
    END IF;
    RETURN to_jsonb(answers);
END $$;

-- No one but the team's groups gets anything, and they get no write on any table.
REVOKE ALL ON ALL TABLES IN SCHEMA scrollstop FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA scrollstop FROM PUBLIC;

DO $$
DECLARE
    r text;
    g text;
    existing pg_catalog.pg_roles;
    member_name text;
BEGIN
    FOREACH r IN ARRAY ARRAY['owner', 'editor', 'reviewer', 'viewer'] LOOP
        g := scrollstop.group_role(r);
        SELECT * INTO existing FROM pg_catalog.pg_roles WHERE rolname = g;
        IF NOT FOUND THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', g);
        ELSIF existing.rolcanlogin THEN
            RAISE EXCEPTION 'a login named % exists, and this team needs that name for its % role: rename the database or that login',
                g, r USING ERRCODE = 'duplicate_object';
        ELSE
            -- Left from an earlier team in a database of the same name: its members are not
            -- this team's.
            FOR member_name IN
                SELECT u.rolname FROM pg_catalog.pg_auth_members m
                JOIN pg_catalog.pg_roles u ON u.oid = m.member
                WHERE m.roleid = existing.oid
            LOOP
                EXECUTE format('REVOKE %I FROM %I', g, member_name);
            END LOOP;
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA scrollstop TO %I', g);
        EXECUTE format('GRANT SELECT ON scrollstop.ops, scrollstop.members, scrollstop.meta, scrollstop.counter TO %I', g);
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA scrollstop FROM %I', g);
        EXECUTE format('GRANT EXECUTE ON FUNCTION scrollstop.push(jsonb), scrollstop.leave(), '
                       'scrollstop.add_member(text, text, text[], text), scrollstop.remove_member(text) TO %I', g);
    END LOOP;
END $$;
