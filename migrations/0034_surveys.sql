-- Surveys (issue 19, ADR 0031): built by staff, answered by residents, organisations or anyone with the
-- link, analysed with small cells suppressed. Questions are versioned: editing a survey that has answers
-- copies its sections and questions to a new version; an answer keeps the question (and so the version) it
-- answered, and `key` follows one question across versions for the analysis.
-- Anonymity: an anonymous survey's responses carry no account, no session, no address and no time finer
-- than the day; "one response per account" is a separate set of keyed hashes with no reference to a response.
CREATE TABLE surveys (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title_pl text NOT NULL CHECK (length(title_pl) BETWEEN 3 AND 300),
  title_en text NOT NULL DEFAULT '',
  intro_pl text NOT NULL DEFAULT '',
  intro_en text NOT NULL DEFAULT '',
  purpose text NOT NULL CHECK (purpose IN ('diagnosis', 'consultation', 'satisfaction', 'other')),
  owner_module text,
  owner_id uuid,
  anonymous boolean NOT NULL DEFAULT true,
  audience text NOT NULL CHECK (audience IN ('link', 'residents', 'organisations')),
  layout text NOT NULL DEFAULT 'one_per_page' CHECK (layout IN ('one_per_page', 'all_on_one_page')),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  current_version integer NOT NULL DEFAULT 1,
  min_cell integer NOT NULL DEFAULT 5 CHECK (min_cell BETWEEN 3 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  CHECK (closes_at > opens_at),
  CHECK ((owner_module IS NULL) = (owner_id IS NULL))
);
CREATE INDEX surveys_purpose_idx ON surveys (municipality_id, purpose, opens_at);
CREATE INDEX surveys_owner_idx ON surveys (municipality_id, owner_module, owner_id) WHERE owner_module IS NOT NULL;

CREATE TABLE survey_sections (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  survey_version integer NOT NULL,
  key uuid NOT NULL DEFAULT gen_random_uuid(),
  position integer NOT NULL,
  title_pl text NOT NULL CHECK (length(title_pl) BETWEEN 1 AND 300),
  title_en text NOT NULL DEFAULT '',
  show_if_question uuid,
  show_if_choice text,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES surveys (municipality_id, id) ON DELETE CASCADE,
  CHECK ((show_if_question IS NULL) = (show_if_choice IS NULL))
);
CREATE INDEX survey_sections_of_idx ON survey_sections (municipality_id, survey_id, survey_version, position);

CREATE TABLE survey_questions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  survey_version integer NOT NULL,
  key uuid NOT NULL DEFAULT gen_random_uuid(),
  section_id uuid NOT NULL,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('single', 'multiple', 'scale', 'number', 'short_text', 'long_text', 'grid')),
  text_pl text NOT NULL CHECK (length(text_pl) BETWEEN 1 AND 1000),
  text_en text NOT NULL DEFAULT '',
  required boolean NOT NULL DEFAULT false,
  -- choices of single/multiple and the columns of nothing else: [{"value": "a", "pl": "…", "en": "…"}]
  choices jsonb NOT NULL DEFAULT '[]',
  -- a grid's rows, each answered on the scale: [{"value": "r1", "pl": "…", "en": "…"}]
  grid_rows jsonb NOT NULL DEFAULT '[]',
  scale_min integer,
  scale_max integer,
  -- {"min_pl": "…", "max_pl": "…", "min_en": "…", "max_en": "…"}
  scale_labels jsonb NOT NULL DEFAULT '{}',
  number_min numeric,
  number_max numeric,
  show_if_question uuid,
  show_if_choice text,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES surveys (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, section_id) REFERENCES survey_sections (municipality_id, id) ON DELETE CASCADE,
  CHECK ((show_if_question IS NULL) = (show_if_choice IS NULL)),
  CHECK (scale_min IS NULL OR scale_max > scale_min)
);
CREATE INDEX survey_questions_of_idx ON survey_questions (municipality_id, survey_id, survey_version, position);

-- A response: online (as the respondent goes: a draft until the last page) or from paper, entered by staff.
-- respondent_id only where the survey is not anonymous; draft_hash is the SHA-256 of the random token in the
-- respondent's cookie, cleared when the response is submitted.
CREATE TABLE survey_responses (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  survey_version integer NOT NULL,
  anonymous boolean NOT NULL,
  respondent_id uuid REFERENCES users(id),
  source text NOT NULL DEFAULT 'online' CHECK (source IN ('online', 'paper')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  draft_hash text,
  page integer NOT NULL DEFAULT 0,
  started_on date NOT NULL,
  submitted_on date,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES surveys (municipality_id, id) ON DELETE CASCADE,
  CHECK (NOT anonymous OR respondent_id IS NULL),
  CHECK ((status = 'submitted') = (submitted_on IS NOT NULL)),
  CHECK (status = 'draft' OR draft_hash IS NULL)
);
CREATE UNIQUE INDEX survey_responses_draft_idx ON survey_responses (municipality_id, draft_hash) WHERE draft_hash IS NOT NULL;
CREATE INDEX survey_responses_of_idx ON survey_responses (municipality_id, survey_id, status);
CREATE INDEX survey_responses_respondent_idx ON survey_responses (municipality_id, respondent_id) WHERE respondent_id IS NOT NULL;

-- One row per answered item: a choice (single, multiple: one row each, scale: the number as text, grid: one
-- row per grid row), a number, or a text. survey_id and question_key are copied for the analysis' index.
CREATE TABLE survey_answers (
  municipality_id uuid NOT NULL,
  response_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  question_id uuid NOT NULL,
  question_key uuid NOT NULL,
  row_key text NOT NULL DEFAULT '',
  choice text NOT NULL DEFAULT '',
  number_value numeric,
  text_value text CHECK (length(text_value) <= 5000),
  PRIMARY KEY (municipality_id, response_id, question_id, row_key, choice),
  FOREIGN KEY (municipality_id, response_id) REFERENCES survey_responses (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, question_id) REFERENCES survey_questions (municipality_id, id)
);
CREATE INDEX survey_answers_analysis_idx ON survey_answers (municipality_id, survey_id, question_key, response_id) INCLUDE (row_key, choice, number_value);

-- "One response per account" for surveys that need an account: HMAC-SHA-256(key from APP_SECRET, account ‖ survey).
-- No reference to a response, no time: it says that someone answered, never what.
CREATE TABLE survey_respondents (
  municipality_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  marker text NOT NULL,
  PRIMARY KEY (municipality_id, survey_id, marker),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES surveys (municipality_id, id) ON DELETE CASCADE
);

SELECT isolate_by_municipality('surveys', 'survey_sections', 'survey_questions', 'survey_responses', 'survey_answers', 'survey_respondents');
