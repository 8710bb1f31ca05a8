-- How far the download log (CHAPITRE_DOWNLOAD_LOG, the web server's access log of published audio)
-- has been counted: one row per log path, written in the same transaction as the downloads its lines
-- produced and locked while a batch is counted, so that two instances on one database never count a
-- line twice. file_key is the file's inode as Java names it, head_hash the SHA-256 of its first line
-- (an inode is reused once its file is deleted), byte_offset the byte after the last line counted.
CREATE TABLE download_log_position (
    log_path VARCHAR(1000) PRIMARY KEY,
    file_key VARCHAR(200) NOT NULL,
    head_hash VARCHAR(64) NOT NULL,
    byte_offset BIGINT NOT NULL,
    savedat BIGINT NOT NULL
);
