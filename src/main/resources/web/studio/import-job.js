// An import as it runs and once it is over: progress, the cancel button, the verification report
// (import-report.js).
import { api } from './api.js';
import { element, megabytes } from './dom.js';
import { report } from './import-report.js';
import { t } from './i18n.js';

const POLL_MS = 1000;

export async function watch(section, id) {
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
  const heading = t(`import.${job.state}`);
  section.append(element('h2', heading));
  const progress = job.progress;
  const bar = element('progress');
  bar.max = Math.max(progress.episodesTotal, 1);
  bar.value = progress.episodesDone;
  section.append(bar, element('p', t('importProgress', progress.episodesDone, progress.episodesTotal, megabytes(progress.bytesDownloaded))
    + (progress.currentItem ? t('importNow', progress.currentItem) : ''), 'progress-text'));
  if (job.failure) section.append(element('p', job.failure, 'form-error'));
  if (job.show) {
    const link = element('a', t('openShow', job.show.title));
    link.href = `/studio/shows/${job.show.slug}`;
    const paragraph = element('p');
    paragraph.append(link);
    section.append(paragraph);
  }
  if (job.state === 'running') {
    const cancel = element('button', t('cancelImport'));
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
