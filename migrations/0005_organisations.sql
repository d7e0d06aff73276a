-- Registry of organisations and informal groups: registration, verification by staff, members and
-- their invitations, federations and their member organisations; a public directory of verified ones.

CREATE TABLE organisations (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
  kind text NOT NULL CHECK (kind IN ('association', 'foundation', 'federation', 'social_cooperative', 'rural_womens_circle',
    'university_third_age', 'sports_club', 'church_entity', 'informal_group')),
  krs text CHECK (krs ~ '^[0-9]{10}$'),
  nip text CHECK (nip ~ '^[0-9]{10}$'),
  regon text CHECK (regon ~ '^([0-9]{9}|[0-9]{14})$'),
  leader_name text NOT NULL DEFAULT '',
  spheres text[] NOT NULL CHECK (cardinality(spheres) > 0 AND spheres <@ ARRAY['social_assistance', 'family_support_foster_care',
    'legal_aid', 'social_reintegration', 'charity', 'national_tradition', 'minorities_regional_language', 'integration_of_foreigners',
    'health', 'disability', 'employment', 'gender_equality', 'seniors', 'economic_development', 'technology_innovation',
    'local_communities', 'education_science', 'children_youth', 'culture_heritage', 'physical_culture', 'ecology_animals', 'tourism',
    'public_order', 'defence', 'human_rights_democracy', 'rescue_civil_protection', 'disaster_relief', 'consumer_rights',
    'european_integration', 'volunteering', 'polish_diaspora', 'veterans_repressed', 'promotion_of_poland',
    'family_parenthood_child_rights', 'addiction_prevention', 'revitalisation', 'support_for_ngos']::text[]),
  description text NOT NULL DEFAULT '',
  founded_year int CHECK (founded_year BETWEEN 1800 AND 2100),
  members_count int CHECK (members_count >= 0),
  volunteers_count int CHECK (volunteers_count >= 0),
  street text NOT NULL DEFAULT '',
  postal_code text NOT NULL DEFAULT '' CHECK (postal_code = '' OR postal_code ~ '^[0-9]{2}-[0-9]{3}$'),
  city text NOT NULL DEFAULT '',
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  phone text NOT NULL DEFAULT '',
  website text NOT NULL DEFAULT '',
  social_links text[] NOT NULL DEFAULT '{}' CHECK (cardinality(social_links) <= 5),
  -- What the organisation chose to show on its public profile (website and social links always are).
  published_contacts text[] NOT NULL DEFAULT '{}' CHECK (published_contacts <@ ARRAY['email', 'phone', 'address']::text[]),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
  -- The last rejection's reason; kept while a corrected registration waits again, cleared on verification.
  rejection_reason text NOT NULL DEFAULT '',
  registered_by uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  verified_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Search ignores case and diacritics (search_normalize, migration 0002): the name as a substring
  -- (trigrams), and the beginnings of words of the name, description and town (search_prefix_query, 0004).
  search_name text GENERATED ALWAYS AS (search_normalize(name)) STORED,
  search_words tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_normalize(name || ' ' || description || ' ' || city))) STORED,
  PRIMARY KEY (municipality_id, id),
  CHECK (kind <> 'informal_group' OR (leader_name <> '' AND krs IS NULL AND nip IS NULL AND regon IS NULL)),
  CHECK (kind NOT IN ('foundation', 'federation', 'social_cooperative') OR krs IS NOT NULL),
  CHECK (status <> 'rejected' OR rejection_reason <> ''),
  CHECK ((status = 'verified') = (verified_at IS NOT NULL))
);
CREATE UNIQUE INDEX organisations_krs_key ON organisations (municipality_id, krs) WHERE krs IS NOT NULL;
CREATE UNIQUE INDEX organisations_nip_key ON organisations (municipality_id, nip) WHERE nip IS NOT NULL;
CREATE UNIQUE INDEX organisations_regon_key ON organisations (municipality_id, regon) WHERE regon IS NOT NULL;
CREATE INDEX organisations_status_idx ON organisations (municipality_id, status, submitted_at);
CREATE INDEX organisations_registered_by_idx ON organisations (registered_by);
CREATE INDEX organisations_spheres_idx ON organisations USING gin (spheres);
CREATE INDEX organisations_search_name_trgm_idx ON organisations USING gin (search_name gin_trgm_ops);
CREATE INDEX organisations_search_words_idx ON organisations USING gin (search_words);

-- People of an organisation: its administrators (the verified registrant first) and members.
-- One person may belong to several organisations.
CREATE TABLE organisation_members (
  municipality_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, organisation_id, user_id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX organisation_members_user_idx ON organisation_members (user_id);

CREATE TABLE organisation_invitations (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  email text NOT NULL CHECK (email = lower(email)),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users(id),
  revoked_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX organisation_invitations_open_idx ON organisation_invitations (municipality_id, organisation_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- A federation (union of associations) and the organisations that belong to it, since when.
CREATE TABLE federation_members (
  municipality_id uuid NOT NULL,
  federation_id uuid NOT NULL,
  member_id uuid NOT NULL,
  since date NOT NULL DEFAULT current_date,
  added_by uuid REFERENCES users(id),
  PRIMARY KEY (municipality_id, federation_id, member_id),
  FOREIGN KEY (municipality_id, federation_id) REFERENCES organisations (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, member_id) REFERENCES organisations (municipality_id, id) ON DELETE CASCADE,
  CHECK (federation_id <> member_id)
);
CREATE INDEX federation_members_member_idx ON federation_members (municipality_id, member_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'organisation_members', 'organisation_invitations', 'federation_members'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (municipality_id = app_municipality_id()) '
                   'WITH CHECK (municipality_id = app_municipality_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO wspolnota_app', t);
  END LOOP;
END $$;

-- As for services (migrations 0003 and 0004): row-level security keeps the planner from the
-- trigram and word indexes, so the ids of the CURRENT municipality's verified organisations
-- matching a phrase are found here, with the indexes; the caller's query still runs under RLS.
CREATE FUNCTION organisation_matching_ids(phrase text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT o.id FROM organisations o
  WHERE o.municipality_id = app_municipality_id() AND o.status = 'verified'
    AND o.search_name ILIKE '%' || replace(replace(replace(search_normalize(phrase), '\', '\\'), '%', '\%'), '_', '\_') || '%'
  UNION
  SELECT o.id FROM organisations o
  WHERE o.municipality_id = app_municipality_id() AND o.status = 'verified' AND o.search_words @@ search_prefix_query(phrase)
$$;
REVOKE ALL ON FUNCTION organisation_matching_ids(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION organisation_matching_ids(text) TO wspolnota_app;
