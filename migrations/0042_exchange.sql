-- Learning between municipalities (issue 20, ADR 0036): exchange groups across municipalities, their members and
-- delegates, each member's consent to share indicators with a group, benchmark rounds and the snapshots a member
-- computed from its own data. The first tables read across municipalities: every row still belongs to one
-- municipality (municipality_id first in the key, written only under it); what another municipality may read is
-- said by the policies below, through SECURITY DEFINER functions that look only at the exchange's own tables.

-- A group is convened by one municipality (its row); members see it, invited municipalities see it to decide.
CREATE TABLE exchange_groups (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  theme text NOT NULL CHECK (length(theme) BETWEEN 3 AND 300),
  cadence text NOT NULL DEFAULT '' CHECK (length(cadence) <= 300),
  -- The group's rule: members named in comparisons, or anonymised (each member sees only itself named).
  named boolean NOT NULL DEFAULT true,
  -- Cells counting fewer cases than this are suppressed: the value is never written to a shared snapshot.
  min_count integer NOT NULL DEFAULT 5 CHECK (min_count BETWEEN 5 AND 1000),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id)
);

-- The convener's invitation of another municipality; accepting it is the invited municipality's own member row.
CREATE TABLE exchange_invitations (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  group_id uuid NOT NULL,
  invited_municipality_id uuid NOT NULL REFERENCES municipalities(id),
  invited_by uuid REFERENCES users(id),
  invited_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, group_id, invited_municipality_id),
  FOREIGN KEY (municipality_id, group_id) REFERENCES exchange_groups (municipality_id, id),
  CHECK (invited_municipality_id <> municipality_id)
);
CREATE INDEX exchange_invitations_invited_idx ON exchange_invitations (invited_municipality_id);

-- A member of a group: a row of the member municipality. Its population is the denominator of "per 1 000 residents".
CREATE TABLE exchange_members (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  group_municipality_id uuid NOT NULL,
  group_id uuid NOT NULL,
  population integer NOT NULL CHECK (population BETWEEN 1 AND 10000000),
  joined_by uuid REFERENCES users(id),
  joined_at timestamptz NOT NULL DEFAULT now(),
  -- Moves with every change of the member's sharing consent (optimistic concurrency of the consent form).
  sharing_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, group_id),
  FOREIGN KEY (group_municipality_id, group_id) REFERENCES exchange_groups (municipality_id, id)
);
CREATE INDEX exchange_members_group_idx ON exchange_members (group_id);

-- The member's delegates to the group: staff of the member municipality.
CREATE TABLE exchange_delegates (
  municipality_id uuid NOT NULL,
  group_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  added_by uuid REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, group_id, user_id),
  FOREIGN KEY (municipality_id, group_id) REFERENCES exchange_members (municipality_id, group_id)
);
CREATE INDEX exchange_delegates_user_idx ON exchange_delegates (user_id, group_id);

-- The member's consent: an indicator shared with the group (a row) or not (no row).
CREATE TABLE exchange_sharing (
  municipality_id uuid NOT NULL,
  group_id uuid NOT NULL,
  indicator text NOT NULL CHECK (indicator ~ '^[a-z0-9_]{1,60}$'),
  shared_by uuid REFERENCES users(id),
  shared_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, group_id, indicator),
  FOREIGN KEY (municipality_id, group_id) REFERENCES exchange_members (municipality_id, group_id)
);

-- A benchmark round of a group (the convener's row): the period every member computes its indicators for.
CREATE TABLE exchange_rounds (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 2 AND 120),
  period_from date NOT NULL,
  period_to date NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, group_id) REFERENCES exchange_groups (municipality_id, id),
  CHECK (period_to >= period_from AND period_to <= period_from + 400)
);
CREATE INDEX exchange_rounds_group_idx ON exchange_rounds (municipality_id, group_id, period_from DESC);

-- One indicator of one member for one round, computed from the member's own data: the aggregate and its count,
-- never a person. Suppressed (count under the group's minimum): neither value nor count is written.
CREATE TABLE exchange_snapshots (
  municipality_id uuid NOT NULL,
  group_municipality_id uuid NOT NULL,
  group_id uuid NOT NULL,
  round_id uuid NOT NULL,
  indicator text NOT NULL CHECK (indicator ~ '^[a-z0-9_]{1,60}$'),
  value numeric,
  count integer CHECK (count >= 0),
  suppressed boolean NOT NULL,
  -- The member's consent when computed (withdrawing the consent clears it): only shared rows cross.
  shared boolean NOT NULL,
  computed_by uuid REFERENCES users(id),
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, round_id, indicator),
  FOREIGN KEY (group_municipality_id, round_id) REFERENCES exchange_rounds (municipality_id, id),
  FOREIGN KEY (municipality_id, group_id) REFERENCES exchange_members (municipality_id, group_id),
  CHECK (suppressed = (value IS NULL)),
  CHECK (NOT suppressed OR count IS NULL)
);
CREATE INDEX exchange_snapshots_round_idx ON exchange_snapshots (round_id, indicator) WHERE shared;

-- Whether the request's municipality is a member of the group (the convener is one from the start).
CREATE FUNCTION exchange_is_member(group_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM exchange_members m WHERE m.municipality_id = app_municipality_id() AND m.group_id = $1) $$;
-- Whether the request's municipality was invited to the group (it may see the group to decide).
CREATE FUNCTION exchange_is_invited(group_municipality_id uuid, group_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM exchange_invitations i WHERE i.municipality_id = $1 AND i.group_id = $2 AND i.invited_municipality_id = app_municipality_id()) $$;
-- Whether the request's user is a delegate of the request's municipality to the group, and that municipality and
-- the row's owner are both members: the only way another municipality's snapshot is read.
CREATE FUNCTION exchange_reads_snapshot(owner_municipality_id uuid, group_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM exchange_delegates d
                   WHERE d.municipality_id = app_municipality_id() AND d.group_id = $2 AND d.user_id = app_user_id())
      AND EXISTS (SELECT 1 FROM exchange_members m WHERE m.municipality_id = $1 AND m.group_id = $2) $$;
REVOKE ALL ON FUNCTION exchange_is_member(uuid), exchange_is_invited(uuid, uuid), exchange_reads_snapshot(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION exchange_is_member(uuid), exchange_is_invited(uuid, uuid), exchange_reads_snapshot(uuid, uuid) TO wspolnota_app;

-- Every table: written, updated and deleted only under its own municipality (the usual policy).
SELECT isolate_by_municipality('exchange_groups', 'exchange_invitations', 'exchange_members', 'exchange_delegates', 'exchange_sharing',
  'exchange_rounds', 'exchange_snapshots');
-- Read across municipalities, and only read (a SELECT policy adds to the usual one for SELECT alone): a group by its
-- members and invited municipalities; an invitation by the municipality invited; a group's members and rounds by its
-- members; a shared snapshot by the delegates of a member. Delegates and sharing consents are never read across.
CREATE POLICY exchange_read ON exchange_groups FOR SELECT USING (exchange_is_member(id) OR exchange_is_invited(municipality_id, id));
CREATE POLICY exchange_read ON exchange_invitations FOR SELECT USING (invited_municipality_id = app_municipality_id());
CREATE POLICY exchange_read ON exchange_members FOR SELECT USING (exchange_is_member(group_id));
CREATE POLICY exchange_read ON exchange_rounds FOR SELECT USING (exchange_is_member(group_id));
CREATE POLICY exchange_read ON exchange_snapshots FOR SELECT USING (shared AND exchange_reads_snapshot(municipality_id, group_id));
