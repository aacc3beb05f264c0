-- progress.db version 4: reviews per day (the stats screen, `genai-tui stats`) are counted per
-- UTC hour straight off this covering index, then moved to the user's local day, instead of
-- parsing and sorting every review's timestamp.

CREATE INDEX reviews_by_hour ON reviews (substr(reviewed_at, 1, 13), reviewed_at);
