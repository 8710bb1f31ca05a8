// An import's verification report: per episode its outcome, audio, chapters found per source and
// kept, transcripts found and kept, credits and notes; what the show did not keep; and the checklist to finish the move.
import { element, list, megabytes } from './dom.js';
import { t } from './i18n.js';

export function report(section, found) {
  const summary = found.summary;
  section.append(element('h3', t('report.title')));
  section.append(element('p', t('report.summary', summary.imported, summary.alreadyPresent, summary.skipped, summary.needAttention), 'summary'));
  const showNotes = found.show?.attention || [];
  if (showNotes.length) {
    section.append(element('h4', t('report.show')), list(showNotes, 'attention'));
  }
  if (found.episodes.length) {
    const table = element('table', null, 'episodes import-report');
    const head = element('tr');
    ['episode', 'outcome', 'audio', 'chapters', 'transcript', 'notes'].forEach(title => head.append(element('th', t(`report.column.${title}`))));
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
      const chapters = (line.chapters && line.chapters.source ? t('report.keptFrom', line.chapters.kept, line.chapters.source) : '—')
        + (found.length ? ` ${t('report.found', found.join(', '))}` : '')
        + (line.persons && line.persons.found ? `; ${t('report.credits', line.persons.kept, line.persons.found)}` : '');
      const transcripts = line.transcripts && line.transcripts.found
        ? t(line.transcripts.kept ? 'report.transcriptKept' : 'report.transcriptNotKept', line.transcripts.found) : '—';
      const notes = [line.reason, ...(line.attention || [])].filter(Boolean);
      row.append(element('td', line.title), element('td', t(`report.outcome.${line.outcome}`)), element('td', audio), element('td', chapters), element('td', transcripts, 'transcripts'));
      const cell = element('td');
      if (notes.length) cell.append(list(notes));
      row.append(cell);
      body.append(row);
    });
    table.append(body);
    section.append(table);
  }
  if (found.checklist) {
    section.append(element('h3', t('report.finish')));
    const steps = element('ol', null, 'checklist');
    found.checklist.forEach(step => steps.append(element('li', step)));
    section.append(steps);
  }
}
