-- Improvement plans (issue 20, the bench-learning method): after a benchmark round each member writes what it learned,
-- from whom, its goals and its actions. The plan is the member's own row; shared with the group, the group's delegates
-- read it (the same rule as a shared snapshot); not shared, it stays the member's.
CREATE TABLE exchange_improvement_plans (
  municipality_id uuid NOT NULL,
  group_id uuid NOT NULL,
  round_municipality_id uuid NOT NULL,
  round_id uuid NOT NULL,
  learned text NOT NULL DEFAULT '' CHECK (length(learned) <= 5000),
  goals text NOT NULL CHECK (length(goals) BETWEEN 3 AND 5000),
  actions text NOT NULL DEFAULT '' CHECK (length(actions) <= 5000),
  shared boolean NOT NULL DEFAULT false,
  written_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, round_id),
  FOREIGN KEY (round_municipality_id, round_id) REFERENCES exchange_rounds (municipality_id, id),
  FOREIGN KEY (municipality_id, group_id) REFERENCES exchange_members (municipality_id, group_id)
);
CREATE INDEX exchange_improvement_plans_round_idx ON exchange_improvement_plans (round_id) WHERE shared;

SELECT isolate_by_municipality('exchange_improvement_plans');
CREATE POLICY exchange_read ON exchange_improvement_plans FOR SELECT USING (shared AND exchange_reads_snapshot(municipality_id, group_id));
