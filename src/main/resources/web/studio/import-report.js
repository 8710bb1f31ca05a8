// An import's verification report: per episode its outcome, audio, chapters found per source and
// kept, transcripts found and kept, credits and notes; what the show did not keep; and the checklist to finish the move.
import { element, list, megabytes } from './dom.js';

export function report(section, found) {
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
    ['Episode', 'Outcome', 'Audio', 'Chapters and credits', 'Transcript', 'Notes'].forEach(title => head.append(element('th', title)));
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
      const transcripts = line.transcripts && line.transcripts.found
        ? `${line.transcripts.kept ? 'kept' : 'not kept'} (${line.transcripts.found} found)` : '—';
      const notes = [line.reason, ...(line.attention || [])].filter(Boolean);
      row.append(element('td', line.title), element('td', line.outcome), element('td', audio), element('td', chapters), element('td', transcripts, 'transcripts'));
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
