// The transcript beside the editor's player: a click on a sentence plays from there, its "+" starts
// a new chapter at its start (through the editor's own `addChapter`), the sentence being heard is
// highlighted, and a filter finds a word. Built a few hundred sentences per frame, so a transcript
// of thousands of cues never freezes the page.
import { api } from './api.js';
import { element } from './dom.js';
import { formatTime } from './chapter-time.js';
import { count, lang, t } from './i18n.js';

const CHUNK = 300;

function cueItem(cue, index) {
  const item = element('li', null, 'cue');
  item.dataset.index = index;
  const add = element('button', '+', 'add-chapter');
  add.type = 'button';
  add.title = t('transcript.newChapterAt', formatTime(cue.start));
  add.setAttribute('aria-label', add.title);
  const say = element('button', null, 'say');
  say.type = 'button';
  say.append(element('span', formatTime(cue.start), 'cue-time'), ' ');
  if (cue.speaker) say.append(element('span', cue.speaker, 'speaker'), ' ');
  say.append(cue.text);
  item.append(add, say);
  return item;
}

/** The index of the last cue started at `ms` (cues are in order of start), or -1. */
function cueAt(cues, ms) {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (cues[middle].start <= ms) { found = middle; low = middle + 1; } else high = middle - 1;
  }
  return found;
}

export async function chapterTranscript(panel, base, audio, addChapter) {
  const list = panel.querySelector('.cues');
  const filter = panel.querySelector('input[type=search]');
  const counted = panel.querySelector('.cue-count');
  const result = await api('GET', `${base}/transcript`);
  if (!result.ok) { counted.textContent = result.problem.detail; return; }
  const cues = result.json.cues.map(c => ({
    start: Math.round(c.startTime * 1000), speaker: c.speaker || '', text: c.text,
    words: `${c.speaker || ''} ${c.text}`.toLocaleLowerCase()
  }));
  const items = [];
  let current = -1;

  const showFilter = () => {
    const words = filter.value.trim().toLocaleLowerCase();
    let shown = 0;
    items.forEach((item, index) => {
      item.hidden = Boolean(words) && !cues[index].words.includes(words);
      if (!item.hidden) shown++;
    });
    counted.textContent = words ? t('transcript.shownOf', shown.toLocaleString(lang), cues.length.toLocaleString(lang))
      : count('transcript.sentences', cues.length);
  };
  const renderChunk = () => {
    const end = Math.min(items.length + CHUNK, cues.length);
    const fragment = document.createDocumentFragment();
    for (let index = items.length; index < end; index++) fragment.append(items[index] = cueItem(cues[index], index));
    list.append(fragment);
    if (items.length < cues.length) requestAnimationFrame(renderChunk);
    else { showFilter(); highlight(); }
  };

  function highlight() {
    const now = cueAt(cues, audio.currentTime * 1000);
    if (now === current || now >= items.length) return;
    items[current]?.classList.remove('current');
    current = now;
    const item = items[current];
    if (!item) return;
    item.classList.add('current');
    // Follow the voice while it plays; when paused, the producer's own scrolling is left alone.
    if (!audio.paused && !item.hidden && (item.offsetTop < list.scrollTop || item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight)) {
      list.scrollTop = item.offsetTop - list.clientHeight / 3;
    }
  }

  list.addEventListener('click', event => {
    const item = event.target.closest('.cue');
    if (!item) return;
    const cue = cues[Number(item.dataset.index)];
    if (event.target.closest('.add-chapter')) addChapter(cue.start);
    else if (event.target.closest('.say')) { audio.currentTime = cue.start / 1000; highlight(); }
  });
  let typing = null;
  filter.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(showFilter, 150); });
  audio.addEventListener('timeupdate', highlight);
  audio.addEventListener('seeked', highlight);
  panel.hidden = false;
  renderChunk();
}
