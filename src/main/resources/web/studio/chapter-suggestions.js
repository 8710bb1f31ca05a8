// Chapters the server suggests at the longest pauses: shown as ghost marks on the waveform and as a
// list to accept or reject one by one. An accepted one becomes a chapter like any mark (saved only
// with the others); a rejected one goes; none is ever saved on its own.
import { api } from './api.js';
import { button } from './dom.js';
import { formatTime } from './chapter-time.js';
import { t, count } from './i18n.js';

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
      item.append(time, ` ${t(suggestion.reason === 'start' ? 'suggest.atStart' : 'suggest.afterPause')} `,
        button(t('suggest.accept'), t('suggest.acceptTitle', formatTime(suggestion.start)), () => take(suggestion, true)),
        button(t('suggest.reject'), t('suggest.rejectTitle', formatTime(suggestion.start)), () => take(suggestion, false)));
      return item;
    }));
  }

  function take(suggestion, accepted) {
    offered = offered.filter(s => s !== suggestion);
    if (accepted) accept(suggestion.start);
    status.textContent = offered.length ? count('suggest.left', offered.length) : t('suggest.noneLeft');
    render();
  }

  trigger.addEventListener('click', async () => {
    status.textContent = t('suggest.looking');
    const result = await api('GET', `${base}/chapters/suggestions`);
    if (result.status === 202) { status.textContent = t('suggest.stillFinding'); return; }
    if (!result.ok) { status.textContent = result.problem.detail; return; }
    const marked = markedStarts();
    offered = result.json.chapters.map(c => ({ start: Math.round(c.startTime * 1000), reason: c.reason }))
      .filter(s => marked.every(start => Math.abs(start - s.start) >= SAME_CHAPTER_MS));
    status.textContent = offered.length
      ? count('suggest.offered', offered.length)
      : t('suggest.nothing');
    render();
  });
}
