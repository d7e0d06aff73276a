-- A resident applying for a service for themselves need not give a year of birth (issue 14): it is asked
-- only when applying for someone else, or when the service's criteria name an age (the application
-- layer decides; the database only allows the absence). A case opened from such an application has none
-- either. Readers show nothing for a missing year; the age check of a service with an age range cannot
-- miss it, since such an application always carries one.
ALTER TABLE applications ALTER COLUMN beneficiary_birth_year DROP NOT NULL;
ALTER TABLE cases ALTER COLUMN birth_year DROP NOT NULL;
