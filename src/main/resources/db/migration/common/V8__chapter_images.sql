-- Chapter images (issue 19): a chapter may show an image the producer uploaded, stored in the media
-- storage under a key of its own (chapter-images/<uuid>.jpg|png). The key is kept, not the address:
-- the address depends on the public base URL of whoever reads it. `img` keeps linked images only.
-- The same words on H2 2.2 and PostgreSQL.

ALTER TABLE episode_chapter ADD COLUMN image_key VARCHAR(200);
