// The administrator's producers page: add a producer, set another one's password, sign them out
// everywhere or revoke one of their tokens, download a backup.
import { api, csrf, outcome } from './api.js';
import { clearErrors, collect, showProblem, status } from './forms.js';
import { t } from './i18n.js';

export function producerForm(form) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = await api('POST', form.dataset.create, collect(form));
    if (!result.ok) { showProblem(form, result.problem); return; }
    location.assign(form.dataset.after);
  });
}

export function passwordResetForm(form) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = await api('PUT', form.dataset.update, collect(form));
    if (!result.ok) { status(form, ''); showProblem(form, result.problem); return; }
    clearErrors(form);
    form.reset();
    status(form, t('passwordSet'));
  });
}

/** The archive comes back as the answer to a POST; it is handed to the browser as a download. */
export function backupForm(form) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    status(form, t('takingBackup'));
    let response;
    try {
      response = await fetch(form.dataset.backup, { method: 'POST', headers: { 'X-CSRF-Token': csrf, Accept: 'application/zip' } });
    } catch (networkError) {
      status(form, '');
      showProblem(form, { detail: t('networkError') });
      return;
    }
    if (!response.ok) {
      status(form, '');
      showProblem(form, outcome(response.status, await response.json().catch(() => null), null).problem);
      return;
    }
    const archive = await response.blob();
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '')?.[1] || 'chapitre-backup.zip';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(archive);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    status(form, t('downloadedBackup', name, Math.ceil(archive.size / 1024)));
  });
}

/** "Sign out everywhere" and "Revoke": one call each, then the page again (what is left). */
export function accessButtons(table) {
  table.querySelectorAll('[data-end-sessions], [data-revoke-token]').forEach(button => button.addEventListener('click', async () => {
    button.disabled = true;
    const result = await api('DELETE', button.dataset.endSessions ?? button.dataset.revokeToken);
    if (!result.ok) { button.disabled = false; showProblem(button.closest('td'), result.problem); return; }
    location.reload();
  }));
}
