-- progress.db version 2: notes and bookmarks per question, rubric ticks per rating,
-- and mock interviews logged apart from the FSRS review log.

CREATE TABLE notes (
    question_id TEXT PRIMARY KEY,
    body        TEXT NOT NULL,              -- the learner's own text; displayed as untrusted text
    updated_at  TEXT NOT NULL               -- ISO 8601, UTC
);

CREATE TABLE bookmarks (
    question_id TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL
);

-- Which key points the learner ticked when grading with the rubric (indexes into key_points).
ALTER TABLE reviews ADD COLUMN key_points_ticked TEXT;   -- JSON list of ints, NULL if not used
ALTER TABLE reviews ADD COLUMN key_points_total INTEGER;

CREATE TABLE mock_sessions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    mix          TEXT NOT NULL,             -- junior, mid, senior or differentiators
    seconds_each INTEGER NOT NULL,
    applied      INTEGER NOT NULL DEFAULT 0 -- 1 once its grades were applied to FSRS
);

CREATE TABLE mock_answers (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id        INTEGER NOT NULL REFERENCES mock_sessions (id),
    question_id       TEXT NOT NULL,
    key_points_ticked TEXT NOT NULL,        -- JSON list of ints
    key_points_total  INTEGER NOT NULL,
    rating            INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    duration_ms       INTEGER,
    answered_at       TEXT NOT NULL
);

CREATE INDEX mock_answers_by_session ON mock_answers (session_id);
