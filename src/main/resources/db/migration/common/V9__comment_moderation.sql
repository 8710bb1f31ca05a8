-- Listener comments are moderated (issue 20): a rating's comment waits for the producer's review
-- (AWAITING), is shown on the public pages (PUBLISHED) or was put aside (HIDDEN); a rating without a
-- comment has none. Comments written before moderation existed were never shown anywhere, so they
-- wait for review like new ones. Each show may publish comments without review, except those with
-- a word of its list (rating_comment_policy, the ratings feature's own table, removed with the show
-- by RatingCleanup). The same words on H2 2.2 and PostgreSQL.

ALTER TABLE rating ADD COLUMN commentstate VARCHAR(10);
UPDATE rating SET commentstate = 'AWAITING' WHERE comment IS NOT NULL;
CREATE INDEX IF NOT EXISTS rating_comments ON rating (podcastid, commentstate, updatedat);

CREATE TABLE IF NOT EXISTS rating_comment_policy (
    podcastid BIGINT PRIMARY KEY,
    publishwithoutreview BOOLEAN NOT NULL,
    heldwords VARCHAR(8000) NOT NULL
);
