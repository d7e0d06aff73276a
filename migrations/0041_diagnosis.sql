-- The diagnosis of needs and potential of the community (issue 19, ADR 0035): one per period, the statutory
-- areas and population groups it covers, its sources, team and timetable; public statistics imported as CSV
-- (each value with its source and date), the needs staff find (with their evidence) and the resources that
-- answer them. A need no resource answers is a gap (computed, never stored).
CREATE TABLE diagnoses (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  period_from date NOT NULL,
  period_to date NOT NULL,
  -- The catalogue's 14 statutory areas and its target groups, by code.
  areas text[] NOT NULL DEFAULT '{}',
  groups text[] NOT NULL DEFAULT '{}',
  sources text NOT NULL DEFAULT '' CHECK (length(sources) <= 5000),
  team text NOT NULL DEFAULT '' CHECK (length(team) <= 5000),
  timetable text NOT NULL DEFAULT '' CHECK (length(timetable) <= 5000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_progress', 'adopted')),
  adopted_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  CHECK (period_to >= period_from),
  CHECK ((status = 'adopted') = (adopted_on IS NOT NULL))
);
CREATE INDEX diagnoses_period_idx ON diagnoses (municipality_id, period_from DESC);

-- One imported CSV: what it is, where it came from; its values below. Removing it removes its values.
CREATE TABLE diagnosis_datasets (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  diagnosis_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  imported_at timestamptz NOT NULL DEFAULT now(),
  rows integer NOT NULL CHECK (rows >= 1),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, diagnosis_id) REFERENCES diagnoses (municipality_id, id) ON DELETE CASCADE
);

-- One value of public statistics (e.g. GUS BDL: population by age): each keeps its own source and date.
CREATE TABLE diagnosis_indicators (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  diagnosis_id uuid NOT NULL,
  dataset_id uuid NOT NULL,
  line integer NOT NULL,
  indicator text NOT NULL CHECK (length(indicator) BETWEEN 1 AND 300),
  breakdown text NOT NULL DEFAULT '' CHECK (length(breakdown) <= 300),
  period text NOT NULL CHECK (length(period) BETWEEN 1 AND 20),
  value numeric NOT NULL,
  unit text NOT NULL DEFAULT '' CHECK (length(unit) <= 50),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
  source_date date NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, diagnosis_id) REFERENCES diagnoses (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, dataset_id) REFERENCES diagnosis_datasets (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX diagnosis_indicators_of_idx ON diagnosis_indicators (municipality_id, diagnosis_id, dataset_id, line);

-- A need: an area, a group, the evidence (text, a survey of the surveys module, indicator values), a priority.
CREATE TABLE diagnosis_needs (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  diagnosis_id uuid NOT NULL,
  area text NOT NULL,
  target_group text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  evidence text NOT NULL DEFAULT '' CHECK (length(evidence) <= 5000),
  survey_id uuid,
  indicator_ids uuid[] NOT NULL DEFAULT '{}',
  priority text NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, diagnosis_id) REFERENCES diagnoses (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, survey_id) REFERENCES surveys (municipality_id, id) ON DELETE SET NULL (survey_id)
);
CREATE INDEX diagnosis_needs_of_idx ON diagnosis_needs (municipality_id, diagnosis_id, area);

-- A resource: an organisation of the registry, a service of the catalogue, or something named by hand
-- (a volunteer group, a parish hall); its places and its potential; the needs it answers.
CREATE TABLE diagnosis_resources (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  diagnosis_id uuid NOT NULL,
  area text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  organisation_id uuid,
  service_id uuid,
  places integer CHECK (places IS NULL OR places >= 0),
  potential text NOT NULL DEFAULT '' CHECK (length(potential) <= 5000),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, diagnosis_id) REFERENCES diagnoses (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES services (municipality_id, id)
);
CREATE INDEX diagnosis_resources_of_idx ON diagnosis_resources (municipality_id, diagnosis_id, area);

CREATE TABLE diagnosis_resource_needs (
  municipality_id uuid NOT NULL,
  resource_id uuid NOT NULL,
  need_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, resource_id, need_id),
  FOREIGN KEY (municipality_id, resource_id) REFERENCES diagnosis_resources (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, need_id) REFERENCES diagnosis_needs (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX diagnosis_resource_needs_need_idx ON diagnosis_resource_needs (municipality_id, need_id);

SELECT isolate_by_municipality('diagnoses', 'diagnosis_datasets', 'diagnosis_indicators', 'diagnosis_needs', 'diagnosis_resources', 'diagnosis_resource_needs');
