// Moving a show in: the feed's address → what Chapitre found (preview) → the import, watched as it
// runs (it goes on in the background if this page closes) → the verification report and the
// checklist to finish the move at the old host. Everything the feed says is shown as text.
import { api } from './api.js';
import { clearErrors, showProblem, status } from './forms.js';

const POLL_MS = 1000;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}

function list(items, className) {
  const ul = element('ul', null, className);
  items.forEach(item => ul.append(element('li', item)));
  return ul;
}

export function importForm(form, preview, job, data) {
  if (data.importId) watch(job, data.importId);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const feedUrl = form.elements.feedUrl.value.trim();
    status(form, 'Reading the feed…');
    const result = await api('POST', '/api/imports', { feedUrl, preview: true });
    status(form, '');
    if (!result.ok) {
      preview.hidden = true;
      showProblem(form, result.problem);
      return;
    }
    showPreview(preview, result.json, async () => {
      const started = await api('POST', '/api/imports', { feedUrl });
      if (!started.ok) {
        showProblem(form, started.problem);
        return;
      }
      form.hidden = true;
      preview.hidden = true;
      history.replaceState(null, '', `/studio/imports/${started.json.id}`);
      watch(job, started.json.id);
    });
  });
}

function showPreview(section, found, start) {
  section.replaceChildren();
  section.hidden = false;
  section.append(element('h2', found.title));
  if (found.imageUrl) { // a link, not an image: the studio's pages load nothing from other sites (CSP img-src 'self')
    const link = element('a', 'Artwork at the old host');
    link.href = found.imageUrl;
    link.rel = 'noreferrer';
    link.target = '_blank';
    const paragraph = element('p');
    paragraph.append(link, ' (checked and copied here during the import)');
    section.append(paragraph);
  }
  const chapters = found.chapters;
  section.append(list([
    `${found.episodes} items in the feed, ${found.importable} with MP3 audio (${megabytes(found.audioBytes)} declared)`,
    `Chapters: ${chapters['podcast:chapters']} episodes with a podcast:chapters file, ${chapters['psc:chapters']} with Podlove chapters,`
      + ` ${chapters['show notes']} with timestamps in their notes; the ID3 chapters of each MP3 are read during the import`,
    `Transcripts: ${found.transcripts} episodes link one (not brought over yet: Chapitre does not host transcripts)`,
    `People credited: ${found.persons.length ? found.persons.join(', ') : 'none'}`,
    `podcast:guid ${found.guid} (${found.guidFrom === 'feed' ? 'from the feed' : 'computed from the feed address'})`,
  ], 'facts'));
  if (found.existing) {
    section.append(element('p', `You already have this show here (${found.existing.slug}): ${found.existing.episodesPresent}`
      + ' of its episodes are present and will be skipped; the others are added.', 'notice'));
  }
  if (found.skipped.length) {
    section.append(element('h3', 'Will not come over'));
    section.append(list(found.skipped.map(item => `${item.title}: ${item.reason}`), 'skipped'));
  }
  if (found.attention.length) {
    section.append(element('h3', 'Needs your attention'));
    section.append(list(found.attention, 'attention'));
  }
  const go = element('button', `Import ${found.importable} episodes`, 'primary');
  go.type = 'button';
  go.id = 'start-import';
  go.addEventListener('click', () => { go.disabled = true; start(); });
  section.append(go);
}

async function watch(section, id) {
  section.hidden = false;
  const result = await api('GET', `/api/imports/${id}`);
  if (!result.ok) {
    section.replaceChildren(element('p', result.problem.detail, 'form-error'));
    return;
  }
  render(section, result.json);
  if (result.json.state === 'running') setTimeout(() => watch(section, id), POLL_MS);
}

function render(section, job) {
  section.replaceChildren();
  section.dataset.state = job.state;
  const heading = { running: 'Importing…', done: 'Imported', failed: 'The import stopped', cancelled: 'Cancelled' }[job.state];
  section.append(element('h2', heading));
  const progress = job.progress;
  const bar = element('progress');
  bar.max = Math.max(progress.episodesTotal, 1);
  bar.value = progress.episodesDone;
  section.append(bar, element('p', `${progress.episodesDone} of ${progress.episodesTotal} items, ${megabytes(progress.bytesDownloaded)}`
    + ` downloaded${progress.currentItem ? `; now: ${progress.currentItem}` : ''}`, 'progress-text'));
  if (job.failure) section.append(element('p', job.failure, 'form-error'));
  if (job.show) {
    const link = element('a', `Open “${job.show.title}” in the studio`);
    link.href = `/studio/shows/${job.show.slug}`;
    const paragraph = element('p');
    paragraph.append(link);
    section.append(paragraph);
  }
  if (job.state === 'running') {
    const cancel = element('button', 'Cancel the import');
    cancel.type = 'button';
    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      const result = await api('DELETE', `/api/imports/${job.id}`);
      if (result.ok) render(section, result.json);
    });
    section.append(cancel);
  }
  report(section, job.report);
}

function report(section, found) {
  const summary = found.summary;
  section.append(element('h3', 'Report'));
  section.append(element('p', `${summary.imported} imported, ${summary.alreadyPresent} already here, ${summary.skipped} skipped;`
    + ` ${summary.needAttention} need your attention.`, 'summary'));
  const showNotes = found.show?.attention || [];
  if (showNotes.length) {
    section.append(element('h4', 'The show'), list(showNotes, 'attention'));
  }
  if (found.episodes.length) {
    const table = element('table', null, 'episodes import-report');
    const head = element('tr');
    ['Episode', 'Outcome', 'Audio', 'Chapters and credits', 'Notes'].forEach(title => head.append(element('th', title)));
    const thead = element('thead');
    thead.append(head);
    table.append(thead);
    const body = element('tbody');
    found.episodes.forEach(line => {
      const row = element('tr');
      row.dataset.outcome = line.outcome;
      const audio = line.audio && line.audio.bytes !== undefined
        ? `${megabytes(line.audio.bytes)}, ${Math.round(line.audio.durationSeconds)} s` : '';
      const found = line.chapters ? Object.entries(line.chapters.found).filter(([, n]) => n > 0).map(([source, n]) => `${source} ${n}`) : [];
      const chapters = (line.chapters && line.chapters.source ? `${line.chapters.kept} from ${line.chapters.source}` : '—')
        + (found.length ? ` (found: ${found.join(', ')})` : '')
        + (line.persons && line.persons.found ? `; credits ${line.persons.kept} of ${line.persons.found}` : '');
      const notes = [line.reason, ...(line.attention || [])].filter(Boolean);
      row.append(element('td', line.title), element('td', line.outcome), element('td', audio), element('td', chapters));
      const cell = element('td');
      if (notes.length) cell.append(list(notes));
      row.append(cell);
      body.append(row);
    });
    table.append(body);
    section.append(table);
  }
  if (found.checklist) {
    section.append(element('h3', 'To finish the move'));
    const steps = element('ol', null, 'checklist');
    found.checklist.forEach(step => steps.append(element('li', step)));
    section.append(steps);
  }
}
