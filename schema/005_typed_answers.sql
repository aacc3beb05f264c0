-- progress.db version 5: answers the learner typed, with what the grader found per key point
-- and the ticks the learner settled on. A typed answer is the user's writing: undoing the
-- rating it led to (or losing the mock answer) keeps it, only the link is cleared.

CREATE TABLE typed_answers (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id    TEXT NOT NULL,
    answer         TEXT NOT NULL,           -- the learner's own text; displayed as untrusted text
    created_at     TEXT NOT NULL,           -- ISO 8601, UTC
    grader         TEXT NOT NULL CHECK (grader IN ('offline', 'llm')),
    grader_points  TEXT NOT NULL,           -- JSON list of {index, verdict, score, evidence}
    final_ticked   TEXT NOT NULL,           -- JSON list of 0-based key point indexes ticked
    total_points   INTEGER NOT NULL,
    review_id      INTEGER REFERENCES reviews (id) ON DELETE SET NULL,
    mock_answer_id INTEGER REFERENCES mock_answers (id) ON DELETE SET NULL
);

CREATE INDEX typed_answers_by_question ON typed_answers (question_id, id);
