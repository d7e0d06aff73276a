-- Announcements and news (issue 16, ADR 0027): official notices of a municipality with a permanent
-- address, a record card and a public change register (every published text an immutable version),
-- attachments kept in the database, and e-mail subscriptions to categories (double opt-in).

-- Categories per municipality; the module adds the five standard ones to a municipality that has none.
CREATE TABLE announcement_categories (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  position smallint NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, slug)
);

CREATE TABLE announcements (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The permanent number within the municipality (/:m/ogloszenia/:number), given at creation.
  number int NOT NULL CHECK (number >= 1),
  category_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  -- The current text (a draft's, or the latest published version's copy).
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  lead text NOT NULL CHECK (length(lead) <= 1000),
  body text NOT NULL CHECK (length(body) <= 20000),
  produced_by text NOT NULL CHECK (length(produced_by) BETWEEN 1 AND 300),
  entered_by uuid REFERENCES users(id),
  -- Visible from publish_at (scheduled when in the future) until remove_at (off the notice board, the page stays).
  publish_at timestamptz,
  remove_at timestamptz CHECK (remove_at IS NULL OR publish_at IS NULL OR remove_at > publish_at),
  published_at timestamptz,
  published_version int NOT NULL DEFAULT 0,
  withdrawn_at timestamptz,
  withdrawn_reason text NOT NULL DEFAULT '' CHECK (length(withdrawn_reason) <= 1000),
  withdrawn_by uuid REFERENCES users(id),
  -- Subscribers' mails queued (once per announcement, by the job that sees it visible first).
  mailed_at timestamptz,
  source_module text,
  source_id text,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, number),
  UNIQUE (municipality_id, source_module, source_id),
  FOREIGN KEY (municipality_id, category_id) REFERENCES announcement_categories (municipality_id, id),
  CHECK (status = 'draft' OR publish_at IS NOT NULL),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX announcements_public_idx ON announcements (municipality_id, publish_at DESC) WHERE status = 'published';
CREATE INDEX announcements_unmailed_idx ON announcements (publish_at) WHERE status = 'published' AND mailed_at IS NULL;

-- Every published text, immutable: version 1 at publication, each correction the next with its reason.
CREATE TABLE announcement_versions (
  municipality_id uuid NOT NULL,
  announcement_id uuid NOT NULL,
  n int NOT NULL CHECK (n >= 1),
  title text NOT NULL,
  lead text NOT NULL,
  body text NOT NULL,
  produced_by text NOT NULL,
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, announcement_id, n),
  FOREIGN KEY (municipality_id, announcement_id) REFERENCES announcements (municipality_id, id) ON DELETE CASCADE
);

CREATE TABLE announcement_attachments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  announcement_id uuid NOT NULL,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text')),
  -- An image's text alternative, required for images (shown in the page).
  alt_text text NOT NULL DEFAULT '' CHECK (length(alt_text) <= 300),
  size_bytes int NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  added_by uuid REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, announcement_id) REFERENCES announcements (municipality_id, id) ON DELETE CASCADE,
  CHECK (media_type NOT LIKE 'image/%' OR length(alt_text) >= 1)
);
CREATE INDEX announcement_attachments_of_idx ON announcement_attachments (municipality_id, announcement_id);

-- E-mail subscriptions to categories: confirmed by a mailed link (double opt-in); tokens stored hashed.
CREATE TABLE announcement_subscriptions (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  category_ids uuid[] NOT NULL CHECK (cardinality(category_ids) >= 1),
  confirm_hash text NOT NULL CHECK (confirm_hash ~ '^[0-9a-f]{64}$'),
  unsubscribe_hash text NOT NULL CHECK (unsubscribe_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, email),
  UNIQUE (municipality_id, confirm_hash),
  UNIQUE (municipality_id, unsubscribe_hash)
);

SELECT isolate_by_municipality('announcement_categories', 'announcements', 'announcement_versions', 'announcement_attachments', 'announcement_subscriptions');
-- Versions are immutable rows: the application may add them, never change or delete them.
REVOKE UPDATE, DELETE ON announcement_versions FROM wspolnota_app;
