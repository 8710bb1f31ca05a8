// The administrator's producers page: add a producer, set another one's password.
import { api } from './api.js';
import { clearErrors, collect, showProblem, status } from './forms.js';

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
    status(form, 'Password set; that producer is signed out everywhere.');
  });
}
