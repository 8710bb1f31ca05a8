// Deleting a show or an episode: a button, then a confirmation that says what goes for good (its
// audio, chapters, transcript, ratings and downloads, counted from the API at that moment) and
// what listeners' apps will see, before anything is sent.
import { api } from './api.js';
import { showProblem } from './forms.js';

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** The counts that a deletion takes along, read when the producer asks to delete. */
async function counted(section) {
  const [ratings, stats] = await Promise.all([api('GET', section.dataset.ratings), api('GET', section.dataset.stats)]);
  return {
    ratings: ratings.ok ? ratings.json.ratings.length : null, // counted, held and hidden: all go
    downloads: stats.ok ? stats.json.total : null,
  };
}

const some = (count, one, many) => (count === null ? many : plural(count, one, many));

/** What deleting this episode takes along, in words. */
function episodeLosses(section, counts) {
  const chapters = Number(section.dataset.chapters);
  return `Its MP3, ${plural(chapters, 'chapter', 'chapters')} (with their images)${section.dataset.transcript === 'true' ? ', its transcript' : ''}`
    + ` and ${some(counts.ratings, 'rating', 'ratings')} are deleted for good. Podcast apps drop it from the feed, and its page and MP3`
    + ` address stop answering. ${counts.downloads === null ? 'Its downloads' : `Its ${plural(counts.downloads, 'download', 'downloads')}`}`
    + ' stay counted in the show’s statistics.';
}

/** What deleting this show takes along, in words. */
function showLosses(section, counts) {
  return `Its ${plural(Number(section.dataset.episodes), 'episode', 'episodes')} (MP3s, chapters, transcripts), its artwork,`
    + ` ${some(counts.ratings, 'rating', 'ratings')} and the statistics of ${some(counts.downloads, 'download', 'downloads')}`
    + ' are deleted for good. Its feed stops answering: subscribers’ apps can no longer update it, and its old addresses stop'
    + ' redirecting. If the show is moving to another host, set “Moved to another host” instead: apps then follow it there.';
}

export function deletion(section) {
  const start = section.querySelector('[data-delete-start]');
  const box = section.querySelector('[role=alertdialog]');
  const text = box.querySelector('p');
  const losses = section.dataset.kind === 'show' ? showLosses : episodeLosses;
  start.addEventListener('click', async () => {
    start.disabled = true;
    text.textContent = `Delete “${section.dataset.title}”? ${losses(section, await counted(section))}`;
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
