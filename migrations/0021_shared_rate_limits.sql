-- Rate limits shared by every instance on the database: one row per route and key (a person or an
-- address), counting hits until the window ends. UNLOGGED: no WAL per request; after a server crash
-- PostgreSQL empties the table, which only gives everyone a fresh window.
CREATE UNLOGGED TABLE rate_limit_hits (
  key text PRIMARY KEY,
  hits int NOT NULL,
  window_ends timestamptz NOT NULL
);
CREATE INDEX rate_limit_hits_window_ends_idx ON rate_limit_hits (window_ends);
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_hits TO wspolnota_app;
