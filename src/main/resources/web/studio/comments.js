// Moderating listener comments: approve, hide or delete one (each a call to the API, then the
// comment leaves this list and the count moves), and the show's policy for new comments.
import { api } from './api.js';
import { clearErrors, showProblem, status } from './forms.js';
import { t } from './i18n.js';

const CALLS = {
  publish: id => ['POST', `${id}/publish`, {}],
  hide: id => ['POST', `${id}/hide`, {}],
  delete: id => ['DELETE', `${id}`, undefined],
};

export function commentQueue(section) {
  section.querySelectorAll('[data-decision]').forEach(button => button.addEventListener('click', async () => {
    const item = button.closest('[data-comment]');
    const decision = button.dataset.decision;
    if (decision === 'delete' && !confirm(t('deleteComment'))) return;
    const [method, path, body] = CALLS[decision](encodeURIComponent(item.dataset.comment));
    item.querySelectorAll('button').forEach(b => { b.disabled = true; });
    const result = await api(method, `${section.dataset.api}/${path}`, body);
    if (!result.ok && result.status !== 404) { // 404: someone else moderated it meanwhile; it leaves this list all the same
      item.querySelectorAll('button').forEach(b => { b.disabled = false; });
      showProblem(section, result.problem);
      return;
    }
    item.remove();
    const count = document.querySelector('.tabs [aria-current] .count');
    if (count) count.textContent = Math.max(0, Number(count.textContent) - 1);
  }));
}

export function commentPolicy(form) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const heldWords = form.elements.heldWords.value.split('\n').map(word => word.trim()).filter(Boolean);
    const result = await api('PUT', form.dataset.update, { publishWithoutReview: form.elements.publishWithoutReview.checked, heldWords });
    if (!result.ok) { status(form, ''); showProblem(form, result.problem); return; }
    form.elements.heldWords.value = result.json.heldWords.join('\n');
    status(form, t(result.json.publishWithoutReview ? 'policySavedPublish' : 'policySavedReview'));
  });
}
