-- The community organiser's meetings: invitations of organisations and residents, their answers
-- (RSVP), reminders, attendance on the day (walk-ins too), minutes and follow-up tasks.

-- Mail carries small attachments (an invitation's iCalendar file); the development mailbox keeps them.
ALTER TABLE dev_mailbox ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';

CREATE TABLE meetings (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  purpose text NOT NULL DEFAULT '',
  agenda text NOT NULL DEFAULT '',
  audience text NOT NULL DEFAULT '',
  -- Where: a room of a Local Activity Place (booked for the meeting), an address, an online link, or a room or address and a link.
  room_id uuid,
  booking_id uuid,
  address text NOT NULL DEFAULT '',
  online_url text NOT NULL DEFAULT '',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity int CHECK (capacity BETWEEN 1 AND 10000),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
  cancel_reason text NOT NULL DEFAULT '',
  minutes text NOT NULL DEFAULT '',
  -- iCalendar SEQUENCE: grows when the time or place changes or the meeting is cancelled.
  ical_sequence int NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, room_id) REFERENCES venue_rooms (municipality_id, id),
  FOREIGN KEY (municipality_id, booking_id) REFERENCES room_bookings (municipality_id, id),
  CHECK (ends_at > starts_at),
  CHECK (room_id IS NOT NULL OR address <> '' OR online_url <> ''),
  CHECK (status <> 'cancelled' OR cancel_reason <> '')
);
CREATE INDEX meetings_starts_idx ON meetings (municipality_id, starts_at);

-- One invitation per organisation (sent to its address, answered by any of its people) or per
-- person invited by e-mail. The token in the e-mailed link answers without logging in.
CREATE TABLE meeting_invitations (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL,
  organisation_id uuid,
  user_id uuid REFERENCES users(id),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  token_hash text NOT NULL UNIQUE,
  -- How the organiser chose this invitee: by hand, or by the filter (sphere, kind, federation) of that moment.
  chosen_by text NOT NULL DEFAULT 'hand' CHECK (chosen_by IN ('hand', 'filter', 'person')),
  invited_by uuid REFERENCES users(id),
  invited_at timestamptz NOT NULL DEFAULT now(),
  response text CHECK (response IN ('yes', 'no', 'maybe')),
  people_count int NOT NULL DEFAULT 0 CHECK (people_count BETWEEN 0 AND 500),
  accessibility_needs text NOT NULL DEFAULT '' CHECK (length(accessibility_needs) <= 1000),
  responded_at timestamptz,
  responded_by uuid REFERENCES users(id),
  -- How many times the answer was given or changed.
  answers int NOT NULL DEFAULT 0,
  reminded_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meetings (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id),
  CHECK ((response IS NULL) = (responded_at IS NULL)),
  CHECK (response IS DISTINCT FROM 'yes' OR people_count >= 1)
);
CREATE UNIQUE INDEX meeting_invitations_organisation_key ON meeting_invitations (municipality_id, meeting_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_invitations_person_key ON meeting_invitations (municipality_id, meeting_id, email) WHERE organisation_id IS NULL;
CREATE INDEX meeting_invitations_organisation_idx ON meeting_invitations (municipality_id, organisation_id, invited_at);
CREATE INDEX meeting_invitations_user_idx ON meeting_invitations (municipality_id, user_id) WHERE user_id IS NOT NULL;

-- Who came: an invitee (by invitation), an organisation of the registry that came uninvited, or a
-- walk-in known only by name.
CREATE TABLE meeting_attendance (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL,
  invitation_id uuid,
  organisation_id uuid,
  name text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
  people_count int NOT NULL DEFAULT 1 CHECK (people_count BETWEEN 1 AND 500),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meetings (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, invitation_id) REFERENCES meeting_invitations (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id),
  CHECK (invitation_id IS NOT NULL OR organisation_id IS NOT NULL OR name <> '')
);
CREATE UNIQUE INDEX meeting_attendance_invitation_key ON meeting_attendance (municipality_id, meeting_id, invitation_id) WHERE invitation_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_attendance_organisation_key ON meeting_attendance (municipality_id, meeting_id, organisation_id) WHERE organisation_id IS NOT NULL;

-- Follow-up tasks agreed at a meeting: an owner (a staff person, an organisation, or a name), a due date.
CREATE TABLE meeting_tasks (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  owner_user_id uuid REFERENCES users(id),
  owner_organisation_id uuid,
  owner_name text NOT NULL DEFAULT '' CHECK (length(owner_name) <= 200),
  due_on date NOT NULL,
  done_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meetings (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, owner_organisation_id) REFERENCES organisations (municipality_id, id),
  CHECK (owner_user_id IS NOT NULL OR owner_organisation_id IS NOT NULL OR owner_name <> '')
);
CREATE INDEX meeting_tasks_meeting_idx ON meeting_tasks (municipality_id, meeting_id, due_on);

-- A person's private calendar feed address (the meetings they and their organisations are invited to).
CREATE TABLE meeting_feeds (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id)
);

SELECT isolate_by_municipality('meetings', 'meeting_invitations', 'meeting_attendance', 'meeting_tasks', 'meeting_feeds');
