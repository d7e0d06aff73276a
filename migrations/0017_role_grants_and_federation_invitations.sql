-- Granting administrator, director or auditor takes two people (review 1 #7): the request waits
-- here until another administrator confirms it — or, with a single administrator, a director by
-- the link mailed to them (token_hash). A request names a member (user_id: their new roles, asked
-- against the membership's version) or an address to invite (email: the invitation is sent on
-- confirmation).
CREATE TABLE staff_role_grants (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid REFERENCES users(id),
  email text CHECK (email = lower(email)),
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  member_version int,
  requested_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  token_hash text UNIQUE,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  confirmed boolean,
  PRIMARY KEY (municipality_id, id),
  CHECK ((user_id IS NULL) <> (email IS NULL)),
  CHECK ((user_id IS NULL) = (member_version IS NULL)),
  CHECK ((decided_at IS NULL) = (confirmed IS NULL)),
  -- Four eyes as the net under the service: nobody confirms their own request, nor a grant to themselves.
  CHECK (confirmed IS NOT TRUE OR (decided_by <> requested_by AND decided_by IS DISTINCT FROM user_id))
);
CREATE INDEX staff_role_grants_pending_idx ON staff_role_grants (municipality_id, created_at) WHERE decided_at IS NULL;

-- A federation invites an organisation (review 1 #16b); it becomes a member (federation_members)
-- only when the organisation's administrator accepts. Declined or accepted, the answer is kept.
CREATE TABLE federation_invitations (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  federation_id uuid NOT NULL,
  member_id uuid NOT NULL,
  since date NOT NULL,
  invited_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_by uuid REFERENCES users(id),
  answered_at timestamptz,
  accepted boolean,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, federation_id) REFERENCES organisations (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, member_id) REFERENCES organisations (municipality_id, id) ON DELETE CASCADE,
  CHECK (federation_id <> member_id),
  CHECK ((answered_at IS NULL) = (accepted IS NULL))
);
CREATE UNIQUE INDEX federation_invitations_open_key ON federation_invitations (municipality_id, federation_id, member_id) WHERE answered_at IS NULL;
CREATE INDEX federation_invitations_member_idx ON federation_invitations (municipality_id, member_id) WHERE answered_at IS NULL;

SELECT isolate_by_municipality('staff_role_grants', 'federation_invitations');
