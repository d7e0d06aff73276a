-- Issue 16, what remained.
-- Announcement categories are managed by staff: renamed with the optimistic version, and retired (never
-- deleted once announcements name them: a retired category keeps its announcements, pages and feed, and
-- is no longer offered in the editor or the subscription form).
ALTER TABLE announcement_categories
  ADD COLUMN version int NOT NULL DEFAULT 1,
  ADD COLUMN retired_at timestamptz;

-- Spheres added to a consultation after its opening: the organisations of the new spheres are mailed
-- too. mailed_spheres is what the opening's (or a later) mail covered, set in the same UPDATE that
-- claims the mail, so each sphere's organisations are mailed once however many instances sweep.
ALTER TABLE consultations ADD COLUMN mailed_spheres text[] NOT NULL DEFAULT '{}';
UPDATE consultations SET mailed_spheres = spheres WHERE organisations_mailed_at IS NOT NULL;
CREATE INDEX consultations_spheres_to_mail_idx ON consultations (closes_at) WHERE organisations_mailed_at IS NOT NULL AND NOT (spheres <@ mailed_spheres);
