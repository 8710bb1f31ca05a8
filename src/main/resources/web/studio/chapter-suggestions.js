// Chapters the server suggests at the longest pauses: shown as ghost marks on the waveform and as a
// list to accept or reject one by one. An accepted one becomes a chapter like any mark (saved only
// with the others); a rejected one goes; none is ever saved on its own.
import { api } from './api.js';
import { button } from './dom.js';
import { formatTime } from './chapter-time.js';

/** A suggestion this close to a chapter the producer already marked (saved or not) is that chapter. */
const SAME_CHAPTER_MS = 3000;

export function chapterSuggestions(panel, base, waveform, accept, markedStarts) {
  const list = panel.querySelector('#suggestions');
  const trigger = panel.querySelector('#suggest-chapters');
  const status = panel.querySelector('#suggest-chapters-status');
  let offered = [];

  function render() {
    waveform.setGhosts(offered);
    list.hidden = offered.length === 0;
    list.replaceChildren(...offered.map(suggestion => {
      const item = document.createElement('li');
      item.className = 'suggested-chapter';
      item.dataset.start = suggestion.start;
      const time = document.createElement('span');
      time.className = 'cue-time';
      time.textContent = formatTime(suggestion.start);
      const why = suggestion.reason === 'start' ? 'the start of the episode' : 'after a pause';
      item.append(time, ` Suggestion: ${why} `,
        button('Accept', `Add a chapter at ${formatTime(suggestion.start)}`, () => take(suggestion, true)),
        button('Reject', `Reject the suggestion at ${formatTime(suggestion.start)}`, () => take(suggestion, false)));
      return item;
    }));
  }

  function take(suggestion, accepted) {
    offered = offered.filter(s => s !== suggestion);
    if (accepted) accept(suggestion.start);
    status.textContent = offered.length ? `${offered.length} suggestion${offered.length === 1 ? '' : 's'} left.`
      : 'No suggestion left; nothing is saved until you save the chapters.';
    render();
  }

  trigger.addEventListener('click', async () => {
    status.textContent = 'Looking for the longest pauses…';
    const result = await api('GET', `${base}/chapters/suggestions`);
    if (result.status === 202) { status.textContent = 'The pauses are still being found; try again in a moment.'; return; }
    if (!result.ok) { status.textContent = result.problem.detail; return; }
    const marked = markedStarts();
    offered = result.json.chapters.map(c => ({ start: Math.round(c.startTime * 1000), reason: c.reason }))
      .filter(s => marked.every(start => Math.abs(start - s.start) >= SAME_CHAPTER_MS));
    status.textContent = offered.length
      ? `${offered.length} suggested: accept or reject each (dashed on the waveform). Nothing is saved until you save.`
      : 'Nothing to suggest: the chapters already start at the longest pauses.';
    render();
  });
}
