-- Issue 16: a consultation is announced by e-mail to the organisations whose spheres match. The
-- consultation names the spheres of public benefit (art. 4 of the public benefit act) it concerns;
-- organisations_mailed_at is the claim — set in the same statement that picks the consultation up at its
-- opening, so however many instances sweep, each consultation's mails are queued once.
ALTER TABLE consultations
  ADD COLUMN spheres text[] NOT NULL DEFAULT '{}',
  ADD COLUMN organisations_mailed_at timestamptz;

-- Consultations already open or past need no announcement now: only those still to open are swept.
UPDATE consultations SET organisations_mailed_at = opens_at WHERE opens_at <= now();

CREATE INDEX consultations_to_announce_idx ON consultations (opens_at) WHERE organisations_mailed_at IS NULL;
