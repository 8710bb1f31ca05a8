// Deleting a show or an episode: a button, then a confirmation that says what goes for good (its
// audio, chapters, transcript, ratings and downloads, counted from the API at that moment) and
// what listeners' apps will see, before anything is sent.
import { api } from './api.js';
import { showProblem } from './forms.js';
import { count, t } from './i18n.js';

/** The counts that a deletion takes along, read when the producer asks to delete. */
async function counted(section) {
  const [ratings, stats] = await Promise.all([api('GET', section.dataset.ratings), api('GET', section.dataset.stats)]);
  return {
    ratings: ratings.ok ? ratings.json.ratings.length : null, // counted, held and hidden: all go
    downloads: stats.ok ? stats.json.total : null,
  };
}

/** "3 ratings", or "its ratings" when they could not be counted (said inside a sentence). */
const some = (n, key) => (n === null ? t(`${key}.unknown`) : count(key, n));

/** What deleting this episode takes along, in words. */
function episodeLosses(section, counts) {
  return t('deleteEpisodeLosses', count('chapters', Number(section.dataset.chapters)),
    section.dataset.transcript === 'true' ? t('andItsTranscript') : '', some(counts.ratings, 'ratings'),
    counts.downloads === null ? t('downloadsStay.unknown') : count('downloadsStay', counts.downloads));
}

/** What deleting this show takes along, in words. */
function showLosses(section, counts) {
  return t('deleteShowLosses', count('episodes', Number(section.dataset.episodes)), some(counts.ratings, 'ratings'),
    some(counts.downloads, 'downloads'));
}

export function deletion(section) {
  const start = section.querySelector('[data-delete-start]');
  const box = section.querySelector('[role=alertdialog]');
  const text = box.querySelector('p');
  const losses = section.dataset.kind === 'show' ? showLosses : episodeLosses;
  start.addEventListener('click', async () => {
    start.disabled = true;
    text.textContent = t('deleteQuestion', section.dataset.title, losses(section, await counted(section)));
    start.disabled = false;
    box.hidden = false;
    box.querySelector('[data-delete-no]').focus();
  });
  box.querySelector('[data-delete-no]').addEventListener('click', () => { box.hidden = true; start.focus(); });
  box.querySelector('[data-delete-yes]').addEventListener('click', async () => {
    const result = await api('DELETE', section.dataset.url);
    if (!result.ok) { box.hidden = true; showProblem(section, result.problem); return; }
    location.assign(section.dataset.after);
  });
}
