// A show's team in the studio: the owner invites a producer by the email of their account and
// removes editors; an editor leaves; an invited producer accepts or declines on their shows page.
import { api } from './api.js';
import { clearErrors, collect, showProblem, status } from './forms.js';
import { t } from './i18n.js';

export function team(section) {
  const form = section.querySelector('#invite-form');
  form?.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const result = await api('POST', section.dataset.api, collect(form));
    if (!result.ok) { status(form, ''); showProblem(form, result.problem); return; }
    location.reload(); // the table as the server has it, the new invitation in it
  });
  section.querySelectorAll('[data-remove]').forEach(button => button.addEventListener('click', async () => {
    const leaving = button.hasAttribute('data-leave');
    if (leaving && !confirm(t('leaveShow'))) return;
    button.disabled = true;
    const result = await api('DELETE', `${section.dataset.api}/${encodeURIComponent(button.dataset.remove)}`);
    if (!result.ok && result.status !== 404) { button.disabled = false; showProblem(section, result.problem); return; }
    if (leaving) { location.assign('/studio'); return; }
    button.closest('tr').remove();
  }));
}

export function invitations(section) {
  section.querySelectorAll('[data-answer]').forEach(button => button.addEventListener('click', async () => {
    const item = button.closest('[data-show]');
    const url = `/api/podcasts/${encodeURIComponent(item.dataset.show)}/team`;
    item.querySelectorAll('button').forEach(b => { b.disabled = true; });
    const result = button.dataset.answer === 'accept'
      ? await api('POST', `${url}/accept`, {})
      : await api('DELETE', `${url}/${encodeURIComponent(section.dataset.me)}`);
    if (!result.ok) { item.querySelectorAll('button').forEach(b => { b.disabled = false; }); showProblem(section, result.problem); return; }
    location.reload(); // an accepted show joins the list below
  }));
}
