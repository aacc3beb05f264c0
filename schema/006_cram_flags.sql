-- progress.db version 6: cram ratings logged apart from the FSRS review log (they never change
-- a card), and questions the learner flagged as wrong or unclear.

CREATE TABLE cram_reviews (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id       TEXT NOT NULL,
    rating            INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at       TEXT NOT NULL,         -- ISO 8601, UTC
    duration_ms       INTEGER,
    key_points_ticked TEXT,                  -- JSON list of ints, NULL if not used
    key_points_total  INTEGER
);

CREATE INDEX cram_reviews_by_question ON cram_reviews (question_id);

CREATE TABLE flags (
    question_id TEXT PRIMARY KEY,
    reason      TEXT NOT NULL DEFAULT '',    -- one line from the learner; untrusted text
    flagged_at  TEXT NOT NULL                -- ISO 8601, UTC
);
