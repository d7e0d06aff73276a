-- The community action plan (plan organizowania społeczności lokalnej): plans per community and
-- period, their specific goals (numbered), and actions under goals with who is responsible — a staff
-- member, organisations of the registry and/or a partner named in words — dates, status and indicator.

CREATE TABLE action_plans (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  area text NOT NULL CHECK (length(area) BETWEEN 1 AND 200),
  period_from date NOT NULL,
  period_to date NOT NULL,
  main_goal text NOT NULL DEFAULT '',
  diagnosis text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted', 'closed')),
  created_by uuid REFERENCES users(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK (period_to >= period_from)
);
CREATE INDEX action_plans_period_idx ON action_plans (municipality_id, status, period_from);

-- Specific goals (cele szczegółowe), numbered by position within their plan.
CREATE TABLE action_plan_goals (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  description text NOT NULL DEFAULT '',
  position int NOT NULL,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, plan_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES action_plans (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX action_plan_goals_plan_idx ON action_plan_goals (municipality_id, plan_id, position);

CREATE TABLE action_plan_actions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  description text NOT NULL DEFAULT '',
  responsible_user_id uuid REFERENCES users(id),
  partner text NOT NULL DEFAULT '',
  starts_on date NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
  drop_note text NOT NULL DEFAULT '',
  indicator text NOT NULL DEFAULT '',
  target_value numeric(14, 2),
  achieved_value numeric(14, 2),
  position int NOT NULL,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES action_plans (municipality_id, id) ON DELETE CASCADE,
  -- An action's goal belongs to the action's plan.
  FOREIGN KEY (municipality_id, plan_id, goal_id) REFERENCES action_plan_goals (municipality_id, plan_id, id) ON DELETE CASCADE,
  CHECK (due_on >= starts_on),
  CHECK (status <> 'dropped' OR drop_note <> '')
);
CREATE INDEX action_plan_actions_goal_idx ON action_plan_actions (municipality_id, goal_id, position);
CREATE INDEX action_plan_actions_plan_idx ON action_plan_actions (municipality_id, plan_id);
CREATE INDEX action_plan_actions_user_idx ON action_plan_actions (responsible_user_id) WHERE responsible_user_id IS NOT NULL;

-- Organisations of the registry responsible for an action (its partners).
CREATE TABLE action_plan_action_organisations (
  municipality_id uuid NOT NULL,
  action_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, action_id, organisation_id),
  FOREIGN KEY (municipality_id, action_id) REFERENCES action_plan_actions (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id)
);
CREATE INDEX action_plan_action_organisations_org_idx ON action_plan_action_organisations (municipality_id, organisation_id);

SELECT isolate_by_municipality('action_plans', 'action_plan_goals', 'action_plan_actions', 'action_plan_action_organisations');
