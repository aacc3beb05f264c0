-- progress.db version 3: the FSRS state of a card before each rating gets its own indexed
-- column, so true retention is counted from an index instead of parsing JSON in every row.

ALTER TABLE reviews ADD COLUMN state_before INTEGER;  -- 1 learning, 2 review, 3 relearning; NULL if new

UPDATE reviews
SET state_before = json_extract(card_before, '$.state')
WHERE card_before IS NOT NULL;

CREATE INDEX reviews_by_state_before ON reviews (state_before, rating);
