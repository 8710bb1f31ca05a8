// One chapter's row in the editor: its start (typed, nudged or set to the playback time), title,
// link, image (a linked address, or one uploaded through `image`), whether it is in the table of
// contents, and a place for its errors. The editor owns the rows; a row tells it what changed.
import { button, labelled } from './dom.js';
import { formatTime, parseTime } from './chapter-time.js';
import { t, lang } from './i18n.js';

/** `moved(row, selector)`: the start changed (the rows are sorted again); `changed()`: anything else. */
export function chapterRow(row, index, { audio, moved, changed, remove, image }) {
  const item = document.createElement('li');
  item.className = 'chapter-row';
  item.dataset.key = row.key;

  const start = document.createElement('input');
  start.className = 'start-input';
  start.value = row.startText ?? formatTime(row.start);
  start.setAttribute('aria-label', t('row.startOf', index + 1));
  start.spellcheck = false;
  start.addEventListener('change', () => {
    const parsed = parseTime(start.value);
    if (Number.isNaN(parsed)) { row.startText = start.value; changed(); return; }
    row.start = parsed;
    moved(row, '.start-input');
  });
  const nudge = delta => () => {
    row.start = Math.max(0, row.start + delta);
    moved(row, `[data-nudge="${delta}"]`);
  };
  const times = document.createElement('div');
  times.className = 'start';
  times.append(labelled(t('row.start'), start, 'start-label'));
  [[-1000, '−1 s'], [-100, `−${(0.1).toLocaleString(lang)}`], [100, `+${(0.1).toLocaleString(lang)}`], [1000, '+1 s']].forEach(([delta, text]) => {
    const b = button(text, t(delta > 0 ? 'row.later' : 'row.earlier', (Math.abs(delta) / 1000).toLocaleString(lang)), nudge(delta));
    b.dataset.nudge = delta;
    times.append(b);
  });
  times.append(button(t('row.setNow'), t('row.setNowTitle'), () => {
    row.start = Math.round(audio.currentTime * 1000);
    moved(row, '.start-input');
  }));

  const text = (field, label, type) => {
    const input = document.createElement('input');
    input.className = `${field}-input`;
    input.type = type;
    input.value = row[field];
    if (field === 'title') input.maxLength = 255;
    // a new chapter's empty title is an error once the producer has typed in it, not while they are about to
    input.addEventListener('input', () => { row[field] = input.value; if (field === 'title') row.fresh = false; changed(); });
    return labelled(label, input, `${field}-label`);
  };
  const toc = document.createElement('input');
  toc.type = 'checkbox';
  toc.className = 'toc-input';
  toc.checked = row.toc;
  toc.addEventListener('change', () => { row.toc = toc.checked; changed(); });

  const number = document.createElement('span');
  number.className = 'number';
  number.textContent = `${index + 1}.`;
  const error = document.createElement('p');
  error.className = 'row-error';
  error.setAttribute('role', 'alert');
  const actions = document.createElement('div');
  actions.className = 'row-actions';
  actions.append(
    labelled(t('row.toc'), toc, 'toc-label'),
    button(t('row.playFromHere'), null, () => { audio.currentTime = row.start / 1000; audio.play(); }),
    button(t('row.delete'), t('row.deleteTitle', index + 1), remove));
  const title = text('title', t('row.title'), 'text');
  item.append(number, times, title, text('url', t('row.link'), 'url'), text('img', t('row.imageUrl'), 'url'), image(row, index), actions, error);
  if (row.suggestion) item.append(suggestion(row, title.querySelector('input'), changed));
  return item;
}

/** A title drafted from the transcript: one click puts it in the title (still editable), or it is ignored. */
function suggestion(row, titleInput, changed) {
  const offer = document.createElement('p');
  offer.className = 'suggestion';
  const quoted = document.createElement('q');
  quoted.textContent = row.suggestion;
  const done = () => { delete row.suggestion; offer.remove(); };
  offer.append(t('row.suggested'), ' ', quoted, ' ',
    button(t('row.useTitle'), t('row.useTitleHint'), () => {
      row.title = row.suggestion;
      titleInput.value = row.title;
      done();
      titleInput.focus();
      changed();
    }),
    button(t('row.ignore'), null, done));
  return offer;
}
