-- The Local Activity Place (Miejsce Aktywności Lokalnej, MAL): venues with opening hours, their
-- rooms, and bookings of the rooms. Two live bookings of one room never overlap (ADR 0011): the
-- exclusion constraint decides, under concurrent requests too; a request waiting for staff holds its slot.

-- Row-level security for a module's tables, as every module has it (migrations 0001–0005 spelled it
-- out): each row belongs to its municipality, and the application role may read and write its own.
CREATE FUNCTION isolate_by_municipality(VARIADIC tables text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY tables LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (municipality_id = app_municipality_id()) '
                   'WITH CHECK (municipality_id = app_municipality_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO wspolnota_app', t);
  END LOOP;
END $$;
REVOKE ALL ON FUNCTION isolate_by_municipality(text[]) FROM PUBLIC;

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE venues (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  street text NOT NULL DEFAULT '',
  postal_code text NOT NULL DEFAULT '' CHECK (postal_code = '' OR postal_code ~ '^[0-9]{2}-[0-9]{3}$'),
  city text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id)
);

-- A venue's hours on each day of the week (1 = Monday … 7 = Sunday); a day without a row is closed.
CREATE TABLE venue_hours (
  municipality_id uuid NOT NULL,
  venue_id uuid NOT NULL,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens time NOT NULL,
  closes time NOT NULL CHECK (opens < closes),
  PRIMARY KEY (municipality_id, venue_id, weekday),
  FOREIGN KEY (municipality_id, venue_id) REFERENCES venues (municipality_id, id) ON DELETE CASCADE
);

CREATE TABLE venue_rooms (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  venue_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  capacity int NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  equipment text[] NOT NULL DEFAULT '{}' CHECK (equipment <@ ARRAY['projector', 'screen', 'sound', 'microphone', 'wifi', 'kitchen',
    'tables', 'chairs', 'whiteboard', 'piano', 'sewing_machines', 'computers']::text[]),
  accessibility text[] NOT NULL DEFAULT '{}' CHECK (accessibility <@ ARRAY['step_free', 'lift', 'accessible_toilet', 'induction_loop',
    'wide_doors', 'disabled_parking', 'quiet_room']::text[]),
  description text NOT NULL DEFAULT '',
  -- A room withdrawn from booking stays for its history (bookings, meetings) but takes no new requests.
  bookable boolean NOT NULL DEFAULT true,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, venue_id, name),
  FOREIGN KEY (municipality_id, venue_id) REFERENCES venues (municipality_id, id)
);
CREATE INDEX venue_rooms_venue_idx ON venue_rooms (municipality_id, venue_id);

CREATE TABLE room_bookings (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  room_id uuid NOT NULL,
  -- On behalf of an organisation the requester belongs to; NULL: a resident (or staff) as themselves.
  organisation_id uuid,
  requested_by uuid NOT NULL REFERENCES users(id),
  -- The occurrences of one weekly request share a series id; they are requested and decided together.
  series_id uuid,
  -- 'request': asked for by a person, decided by staff; 'meeting': a community meeting booked by staff.
  source text NOT NULL DEFAULT 'request' CHECK (source IN ('request', 'meeting')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  people int NOT NULL DEFAULT 1 CHECK (people >= 1),
  during tstzrange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'declined', 'cancelled')),
  decision_reason text NOT NULL DEFAULT '',
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, room_id) REFERENCES venue_rooms (municipality_id, id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id),
  CHECK (status <> 'declined' OR decision_reason <> ''),
  CONSTRAINT room_bookings_no_overlap EXCLUDE USING gist (municipality_id WITH =, room_id WITH =, during WITH &&)
    WHERE (status IN ('requested', 'approved'))
);
CREATE INDEX room_bookings_requester_idx ON room_bookings (municipality_id, requested_by);
CREATE INDEX room_bookings_status_idx ON room_bookings (municipality_id, status, created_at);
CREATE INDEX room_bookings_series_idx ON room_bookings (municipality_id, series_id) WHERE series_id IS NOT NULL;
CREATE INDEX room_bookings_organisation_idx ON room_bookings (municipality_id, organisation_id) WHERE organisation_id IS NOT NULL;

SELECT isolate_by_municipality('venues', 'venue_hours', 'venue_rooms', 'room_bookings');
