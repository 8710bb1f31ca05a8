-- A show's episodes and persons, an episode's persons and chapters, a producer's tokens and studio
-- sessions always have their parent: the code never makes one without it. The schema EclipseLink
-- generated let these columns be NULL, and V1 kept that shape so that databases from before Flyway
-- upgrade in place. Now the database says it too. A show's owner (podcast.owner_id) is left
-- nullable: a show without one is still public, so it is neither garbage to delete nor anyone's to
-- assign here; the entity requires an owner for every show it makes.
--
-- A row whose parent id is NULL cannot have come from the application (a bug of long ago or a hand
-- edit): no page, feed or API call can reach it, and nothing refers to it that matters. It is
-- unreachable garbage, so it is deleted here, before the column becomes NOT NULL, or the ALTER
-- would fail and the application would not start. Its own children go with it (ON DELETE CASCADE);
-- the audio file of such an episode is then an orphan, which the media audit removes after its
-- grace period like any other.
DELETE FROM episode WHERE podcast_id IS NULL;
DELETE FROM podcast_person WHERE podcast_id IS NULL;
DELETE FROM episode_person WHERE episode_id IS NULL;
DELETE FROM episode_chapter WHERE episode_id IS NULL;
DELETE FROM api_token WHERE producer_id IS NULL;
DELETE FROM studio_session WHERE producer_id IS NULL;

-- The same words on H2 2.2 and PostgreSQL.
ALTER TABLE episode ALTER COLUMN podcast_id SET NOT NULL;
ALTER TABLE podcast_person ALTER COLUMN podcast_id SET NOT NULL;
ALTER TABLE episode_person ALTER COLUMN episode_id SET NOT NULL;
ALTER TABLE episode_chapter ALTER COLUMN episode_id SET NOT NULL;
ALTER TABLE api_token ALTER COLUMN producer_id SET NOT NULL;
ALTER TABLE studio_session ALTER COLUMN producer_id SET NOT NULL;
