-- Review 2 (issue 22): four eyes by who wrote a plan, a consent re-recorded after the resident withdrew
-- it, and deadline warnings to whoever answers for the case.

-- Four eyes counts everyone who changed a plan's content, not only who created the row: the author, and
-- whoever since edited its validity, situation, goals, services, commitments or review dates (a
-- supervisor returning it and rewriting it, a director handed the case). Kept by the database from
-- app_user_id() — no write path can forget it — and only ever grows: a return does not wash it.
ALTER TABLE care_plans ADD COLUMN edited_by uuid[] NOT NULL DEFAULT '{}';
UPDATE care_plans SET edited_by = ARRAY[author_id];
ALTER TABLE care_plans ADD CONSTRAINT care_plans_approver_not_editor CHECK (approved_by IS NULL OR NOT (approved_by = ANY (edited_by)));

CREATE FUNCTION care_plans_track_editors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.edited_by := ARRAY(SELECT DISTINCT e FROM unnest(NEW.edited_by || NEW.author_id) e);
    RETURN NEW;
  END IF;
  IF NOT (NEW.edited_by @> OLD.edited_by) THEN
    RAISE EXCEPTION 'care_plans.edited_by only grows' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status = 'draft' AND app_user_id() IS NOT NULL AND NOT (app_user_id() = ANY (NEW.edited_by))
     AND (NEW.situation, NEW.valid_from, NEW.valid_until) IS DISTINCT FROM (OLD.situation, OLD.valid_from, OLD.valid_until) THEN
    NEW.edited_by := NEW.edited_by || app_user_id();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER care_plans_track_editors BEFORE INSERT OR UPDATE ON care_plans FOR EACH ROW EXECUTE FUNCTION care_plans_track_editors();

-- A change of a draft's parts names its person on the plan (monitoring an approved plan — a review
-- done — is not a change of content; anonymisation runs without a person).
CREATE FUNCTION care_plan_items_track_editors() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  item record;
BEGIN
  IF TG_OP = 'DELETE' THEN item := OLD; ELSE item := NEW; END IF;
  IF app_user_id() IS NOT NULL THEN
    UPDATE care_plans SET edited_by = edited_by || app_user_id()
     WHERE municipality_id = item.municipality_id AND id = item.plan_id AND status = 'draft' AND NOT (app_user_id() = ANY (edited_by));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER care_plan_goals_track_editors AFTER INSERT OR UPDATE OR DELETE ON care_plan_goals FOR EACH ROW EXECUTE FUNCTION care_plan_items_track_editors();
CREATE TRIGGER care_plan_services_track_editors AFTER INSERT OR UPDATE OR DELETE ON care_plan_services FOR EACH ROW EXECUTE FUNCTION care_plan_items_track_editors();
CREATE TRIGGER care_plan_commitments_track_editors AFTER INSERT OR UPDATE OR DELETE ON care_plan_commitments FOR EACH ROW EXECUTE FUNCTION care_plan_items_track_editors();
CREATE TRIGGER care_plan_reviews_track_editors AFTER INSERT OR UPDATE OR DELETE ON care_plan_reviews FOR EACH ROW EXECUTE FUNCTION care_plan_items_track_editors();

-- A consent to share that staff record after the resident withdrew one for the same recipient carries
-- the resident's new statement: what they agreed to, on which day, and how it was given in person.
ALTER TABLE application_consents ADD COLUMN statement text NOT NULL DEFAULT '' CHECK (length(statement) <= 2000);
ALTER TABLE application_consents ADD COLUMN stated_on date;
ALTER TABLE application_consents ADD COLUMN stated_manner text CHECK (stated_manner IN ('at_centre', 'home_visit', 'signed_form'));
ALTER TABLE application_consents ADD CHECK ((stated_on IS NULL) = (stated_manner IS NULL) AND (stated_on IS NULL) = (statement = ''));

-- Deadline warnings once per recipient: after a handover the new coordinator is warned too, and nobody
-- twice. Warnings already sent count as sent to the case's coordinator and to the directors of today.
ALTER TABLE care_plan_warnings ADD COLUMN recipient_id uuid REFERENCES users(id);
ALTER TABLE care_plan_warnings DROP CONSTRAINT care_plan_warnings_pkey;
INSERT INTO care_plan_warnings (municipality_id, case_id, kind, subject_id, sent_at, recipient_id)
  SELECT w.municipality_id, w.case_id, w.kind, w.subject_id, w.sent_at, m.user_id
    FROM care_plan_warnings w JOIN memberships m ON m.municipality_id = w.municipality_id AND m.roles && ARRAY['director']::text[]
   WHERE w.recipient_id IS NULL;
UPDATE care_plan_warnings w SET recipient_id = c.coordinator_id
  FROM cases c WHERE c.municipality_id = w.municipality_id AND c.id = w.case_id AND w.recipient_id IS NULL;
DELETE FROM care_plan_warnings a USING care_plan_warnings b
 WHERE a.municipality_id = b.municipality_id AND a.kind = b.kind AND a.subject_id = b.subject_id AND a.recipient_id = b.recipient_id AND a.ctid > b.ctid;
ALTER TABLE care_plan_warnings ALTER COLUMN recipient_id SET NOT NULL;
ALTER TABLE care_plan_warnings ADD PRIMARY KEY (municipality_id, kind, subject_id, recipient_id);
