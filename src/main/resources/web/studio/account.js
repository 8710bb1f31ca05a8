// The producer's own account: their password (the current one asked for), and their API tokens
// (created with a name, the secret shown once; revoked at once).
import { api } from './api.js';
import { clearErrors, collect, showProblem, status } from './forms.js';
import { t } from './i18n.js';

export function passwordForm(form) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const { currentPassword, newPassword, repeat } = collect(form);
    if (newPassword !== repeat) {
      showProblem(form, { detail: t('passwordsDiffer'), errors: [{ field: 'repeat', text: t('passwordTwice') }] });
      return;
    }
    status(form, t('changing'));
    const result = await api('PUT', form.dataset.update, { currentPassword, newPassword });
    if (!result.ok) { status(form, ''); showProblem(form, result.problem); return; }
    form.reset();
    status(form, t('passwordChanged'));
  });
}

export function tokens(section) {
  const form = section.querySelector('#token-form');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const result = await api('POST', section.dataset.api, collect(form));
    if (!result.ok) { showProblem(form, result.problem); return; }
    // The secret is in this answer only: shown here, then the list is read again on the next visit.
    document.getElementById('new-token-value').value = result.json.token;
    document.getElementById('new-token').hidden = false;
    document.getElementById('new-token-value').select();
    form.reset();
    status(form, t('tokenCreated', result.json.label ?? t('noName')));
  });
  section.querySelectorAll('[data-revoke]').forEach(button => button.addEventListener('click', async () => {
    button.disabled = true;
    const result = await api('DELETE', `${section.dataset.api}/${encodeURIComponent(button.dataset.revoke)}`);
    if (!result.ok && result.status !== 404) { button.disabled = false; showProblem(form, result.problem); return; }
    button.closest('tr').remove();
  }));
}
