-- progress.db version 1: FSRS card state per question and an append-only review log.
-- Question ids are the stable "topic/slug" ids of the bank; editing a question's text keeps them.

CREATE TABLE cards (
    question_id TEXT PRIMARY KEY,           -- "topic/slug"
    state       INTEGER NOT NULL,           -- fsrs.State: 1 learning, 2 review, 3 relearning
    step        INTEGER,                    -- learning step, NULL in the review state
    stability   REAL,
    difficulty  REAL,
    due         TEXT NOT NULL,              -- ISO 8601, UTC
    last_review TEXT                        -- ISO 8601, UTC
);

CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id TEXT NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),  -- Again, Hard, Good, Easy
    reviewed_at TEXT NOT NULL,              -- ISO 8601, UTC
    duration_ms INTEGER,                    -- time from showing the question to the rating
    card_before TEXT,                       -- fsrs Card as JSON before this rating; NULL if new
    card_after  TEXT NOT NULL               -- fsrs Card as JSON after this rating
);

CREATE INDEX reviews_by_question ON reviews (question_id);
CREATE INDEX reviews_by_time ON reviews (reviewed_at);
CREATE INDEX cards_by_due ON cards (due);
