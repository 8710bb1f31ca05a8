-- Media versions the database no longer names (replaced audio or artwork, an MP3 re-tagged under a
-- new key), each with the moment it may be deleted: after every cache and download that started on
-- it. Written in the transaction that stops naming the key, so the list survives restarts, and any
-- instance deletes what is due (deleting twice is harmless).
CREATE TABLE media_retirement (
    media_key VARCHAR(200) PRIMARY KEY,
    delete_after BIGINT NOT NULL
);
CREATE INDEX media_retirement_due ON media_retirement (delete_after);
