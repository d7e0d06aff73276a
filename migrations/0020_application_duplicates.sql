-- Queue flooding (review 2 #4): before an application takes a place, the service layer looks, under the
-- queue's lock, for the applicant's applications already in that queue (at most 3) and for one of theirs
-- for the same beneficiary — the name as written in any case and spacing, and the year of birth (for an
-- application staff register without an account, the applicant is known by name). Both look-ups read
-- only the applications in a queue.
CREATE INDEX applications_open_applicant_idx ON applications (municipality_id, applicant_id, service_id)
  WHERE queue_position IS NOT NULL AND applicant_id IS NOT NULL;
CREATE INDEX applications_open_beneficiary_idx ON applications
  (municipality_id, service_id, beneficiary_birth_year, (lower(regexp_replace(btrim(beneficiary_name), '\s+', ' ', 'g'))))
  WHERE queue_position IS NOT NULL;
