// Moving a show in: the feed's address → what Chapitre found (import-preview.js) → the import,
// watched as it runs (it goes on in the background if this page closes) → the verification report
// and the checklist to finish the move at the old host (import-job.js).
import { api } from './api.js';
import { clearErrors, showProblem, status } from './forms.js';
import { watch } from './import-job.js';
import { showPreview } from './import-preview.js';
import { t } from './i18n.js';

export function importForm(form, preview, job, data) {
  if (data.importId) watch(job, data.importId);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const feedUrl = form.elements.feedUrl.value.trim();
    status(form, t('readingFeed'));
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

