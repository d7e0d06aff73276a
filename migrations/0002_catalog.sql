-- Catalogue of social services: programmes, providers, locations with accessibility and hours,
-- services in the 14 statutory areas with structured eligibility criteria, and their history.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary can back indexes.
CREATE FUNCTION search_normalize(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
GRANT EXECUTE ON FUNCTION search_normalize(text) TO wspolnota_app;

CREATE TABLE programmes (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
  period_from date NOT NULL,
  period_to date NOT NULL,
  resolution_number text NOT NULL DEFAULT '',
  resolution_date date,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'consultation', 'adopted', 'expired')),
  description text NOT NULL DEFAULT '',
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK (period_from <= period_to)
);

CREATE TABLE providers (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  kind text NOT NULL CHECK (kind IN ('cus_unit', 'public', 'ngo', 'informal_group', 'company')),
  description text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  website text NOT NULL DEFAULT '',
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id)
);

CREATE TABLE locations (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  street text NOT NULL,
  postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{2}-[0-9]{3}$'),
  city text NOT NULL,
  latitude double precision CHECK (latitude BETWEEN 49.0 AND 54.9),
  longitude double precision CHECK (longitude BETWEEN 14.1 AND 24.2),
  step_free boolean NOT NULL DEFAULT false,
  accessible_toilet boolean NOT NULL DEFAULT false,
  induction_loop boolean NOT NULL DEFAULT false,
  sign_language_on_request boolean NOT NULL DEFAULT false,
  accessibility_notes text NOT NULL DEFAULT '',
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, provider_id) REFERENCES providers (municipality_id, id)
);

-- Weekly rules (ISO weekday 1 = Monday) and dated exceptions (holidays, changed hours).
CREATE TABLE opening_hours (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  location_id uuid NOT NULL,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens time NOT NULL,
  closes time NOT NULL CHECK (opens < closes),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, location_id) REFERENCES locations (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX opening_hours_location_idx ON opening_hours (municipality_id, location_id, weekday);

CREATE TABLE opening_exceptions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  location_id uuid NOT NULL,
  day date NOT NULL,
  closed boolean NOT NULL DEFAULT true,
  opens time,
  closes time,
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, location_id) REFERENCES locations (municipality_id, id) ON DELETE CASCADE,
  CHECK (closed OR (opens IS NOT NULL AND closes IS NOT NULL AND opens < closes))
);
CREATE UNIQUE INDEX opening_exceptions_day_idx ON opening_exceptions (municipality_id, location_id, day);

CREATE TABLE services (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
  summary text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  area text NOT NULL CHECK (area IN ('family_policy', 'family_support', 'foster_care', 'social_assistance', 'health',
    'disability', 'education', 'unemployment', 'culture', 'sport_tourism', 'civic_activity', 'housing', 'environment',
    'reintegration')),
  target_groups text[] NOT NULL DEFAULT '{}' CHECK (target_groups <@ ARRAY['all_residents', 'seniors', 'families',
    'children', 'youth', 'people_with_disabilities', 'carers', 'unemployed', 'people_in_crisis']::text[]),
  how_to_apply text NOT NULL DEFAULT '',
  required_documents text[] NOT NULL DEFAULT '{}',
  fee_kind text NOT NULL DEFAULT 'free' CHECK (fee_kind IN ('free', 'fixed', 'income_dependent')),
  fee_amount numeric(10, 2) CHECK (fee_amount >= 0),
  fee_rule text NOT NULL DEFAULT '',
  capacity int CHECK (capacity > 0),
  capacity_period text NOT NULL DEFAULT '',
  eligibility text NOT NULL DEFAULT '',
  -- Structured criteria the "what can I get" check evaluates (see modules/catalog/criteria.ts).
  criteria jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
  languages text[] NOT NULL DEFAULT '{pl}',
  contact_email text NOT NULL DEFAULT '',
  contact_phone text NOT NULL DEFAULT '',
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, provider_id) REFERENCES providers (municipality_id, id),
  CHECK (fee_kind <> 'fixed' OR fee_amount IS NOT NULL),
  CHECK (fee_kind <> 'income_dependent' OR fee_rule <> '')
);
-- Search ignores diacritics and case; trigrams tolerate typos.
CREATE INDEX services_search_trgm_idx ON services USING gin (search_normalize(name || ' ' || summary) gin_trgm_ops);
CREATE INDEX services_area_idx ON services (municipality_id, area) WHERE status = 'active';

CREATE TABLE service_locations (
  municipality_id uuid NOT NULL,
  service_id uuid NOT NULL,
  location_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, service_id, location_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES services (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, location_id) REFERENCES locations (municipality_id, id) ON DELETE CASCADE
);

CREATE TABLE programme_services (
  municipality_id uuid NOT NULL,
  programme_id uuid NOT NULL,
  service_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, programme_id, service_id),
  FOREIGN KEY (municipality_id, programme_id) REFERENCES programmes (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, service_id) REFERENCES services (municipality_id, id) ON DELETE CASCADE
);

-- Every change to a catalogue record: who, when, the record after the change, and what changed.
CREATE TABLE catalog_history (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  entity_type text NOT NULL CHECK (entity_type IN ('programme', 'provider', 'location', 'service')),
  entity_id uuid NOT NULL,
  version int NOT NULL,
  changed_by uuid,
  changed_by_label text NOT NULL DEFAULT '',
  changed_at timestamptz NOT NULL DEFAULT now(),
  snapshot jsonb NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX catalog_history_entity_idx ON catalog_history (municipality_id, entity_type, entity_id, version DESC);
CREATE TRIGGER catalog_history_append_only BEFORE UPDATE OR DELETE ON catalog_history
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['programmes', 'providers', 'locations', 'opening_hours', 'opening_exceptions', 'services',
                           'service_locations', 'programme_services', 'catalog_history'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (municipality_id = app_municipality_id()) '
                   'WITH CHECK (municipality_id = app_municipality_id())', t);
    IF t = 'catalog_history' THEN
      EXECUTE format('GRANT SELECT, INSERT ON %I TO wspolnota_app', t);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO wspolnota_app', t);
    END IF;
  END LOOP;
END $$;
