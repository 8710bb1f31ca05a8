// A show: its details (create, or edit with If-Match) and its artwork.
import { api } from './api.js';
import { clearErrors, collect, fieldError, fill, mergePatch, showProblem, status } from './forms.js';

export function showForm(form, data) {
  const editing = Boolean(data.slug);
  if (editing) fill(form, data);
  let etag = form.dataset.etag;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = collect(form);
    status(form, 'Saving…');
    const result = editing
      ? await api('PATCH', form.dataset.update, values, mergePatch(etag))
      : await api('POST', form.dataset.create, values);
    if (!result.ok) {
      status(form, '');
      showProblem(form, result.problem);
      return;
    }
    clearErrors(form);
    if (!editing || result.json.slug !== data.slug) {
      location.assign(form.dataset.after.replace('{slug}', result.json.slug));
      return;
    }
    etag = result.etag;
    status(form, `Saved at ${new Date().toLocaleTimeString()}.`);
  });
}

export function artworkForm(form) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    clearErrors(form);
    if (!file) {
      showProblem(form, fieldError('artwork', 'Choose a JPEG or PNG image first.'));
      return;
    }
    status(form, 'Uploading…');
    const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
    const result = await api('PUT', `/api/podcasts/${form.dataset.podcast}/artwork`, file, { 'Content-Type': type });
    if (!result.ok) {
      status(form, '');
      showProblem(form, result.problem);
      return;
    }
    location.reload();
  });
}
