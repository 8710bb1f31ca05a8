-- Waveforms (issue 19): an episode's peaks and pauses, computed on the server once per audio version
-- (episode.audio_revision) for the chapter editor. A cache of what the audio says: it can always be
-- computed again, so it is stored as the editor reads it (packed bytes), never queried by SQL.
-- The same words on H2 2.2 and PostgreSQL, in the column types backups know (no floating point).

CREATE TABLE waveform (
    episode_id BIGINT NOT NULL PRIMARY KEY,
    -- the audio version these peaks are of; another one means they are to be computed again
    audio_revision INTEGER NOT NULL,
    -- computing, ready, failed
    state VARCHAR(10) NOT NULL,
    -- when an instance took the work on: a claim older than a few minutes was lost with its instance
    claimed_at BIGINT NOT NULL,
    -- the pause rule the pauses were found with; another configuration means computing them again
    pause_threshold_db INTEGER NOT NULL,
    pause_min_ms INTEGER NOT NULL,
    computed_at BIGINT,
    error VARCHAR(1000),
    sample_rate INTEGER,
    samples_per_pixel INTEGER,
    duration_ms BIGINT,
    -- per pixel a signed 8-bit (min, max) pair, mono: audiowaveform's data without its header
    peaks BYTEA,
    -- per pause two big-endian 32-bit integers: start and end in milliseconds
    pauses BYTEA,
    CONSTRAINT fk_waveform_episode_id FOREIGN KEY (episode_id) REFERENCES episode (id) ON DELETE CASCADE
);
