// An episode: create it with its MP3 (one multipart upload with progress), edit its details,
// replace its MP3, publish, schedule or unpublish it.
import { api } from './api.js';
import { clearErrors, collect, fieldError, fill, mergePatch, showProblem, status } from './forms.js';
import { progressMeter, upload } from './upload.js';

export function episodeForm(form, data) {
  const editing = Boolean(data.slug);
  if (editing) fill(form, data);
  // form.dataset.etag, read at each change: the transcript's section refreshes it (a transcript changes the episode)
  const audioInput = form.querySelector('input[name=audio]');
  const maxBytes = Number(form.dataset.maxBytes || 0);

  /** The chosen file, or why it cannot be sent: said at once, before minutes of uploading. */
  const chosenAudio = () => {
    const file = audioInput.files[0];
    if (!file) return { problem: fieldError('audio', 'Choose the episode’s MP3 file.') };
    if (!(file.type === 'audio/mpeg' || file.type === 'audio/mp3' || /\.mp3$/i.test(file.name))) {
      return { problem: fieldError('audio', `“${file.name}” is not an MP3 file (${file.type || 'unknown type'}). Export the episode as MP3 and choose that file.`) };
    }
    if (maxBytes && file.size > maxBytes) {
      return { problem: fieldError('audio', `“${file.name}” is ${(file.size / 1e6).toFixed(0)} MB; the largest file accepted is ${(maxBytes / 1e6).toFixed(0)} MB.`) };
    }
    return { file };
  };

  const failed = result => {
    status(form, '');
    showProblem(form, result.problem);
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const values = collect(form);
    if (editing) {
      status(form, 'Saving…');
      const result = await api('PATCH', form.dataset.update, values, mergePatch(form.dataset.etag));
      if (!result.ok) { failed(result); return; }
      if (result.json.slug !== data.slug) { location.assign(form.dataset.after.replace('{slug}', result.json.slug)); return; }
      form.dataset.etag = result.etag; // the publishing buttons send it too
      status(form, `Saved at ${new Date().toLocaleTimeString()}.`);
      return;
    }
    if (!values.title) { showProblem(form, { detail: 'The episode needs a title.', errors: [{ field: 'title', reason: 'is required' }] }); return; }
    const audio = chosenAudio();
    if (audio.problem) { showProblem(form, audio.problem); return; }
    const body = new FormData();
    body.append('episode', new Blob([JSON.stringify(values)], { type: 'application/json' }), 'episode.json');
    body.append('audio', audio.file, audio.file.name);
    status(form, 'Uploading…');
    const result = await upload('POST', form.dataset.create, body, {}, progressMeter(form));
    if (!result.ok) { failed(result); return; }
    status(form, 'Uploaded. Opening the episode…');
    location.assign(form.dataset.after.replace('{slug}', result.json.slug));
  });

  document.getElementById('replace-audio')?.addEventListener('click', async () => {
    clearErrors(form);
    const audio = chosenAudio();
    if (audio.problem) { showProblem(form, audio.problem); return; }
    const result = await upload('PUT', `${form.dataset.update}/audio`, audio.file,
      { 'Content-Type': 'audio/mpeg', 'If-Match': form.dataset.etag }, progressMeter(form));
    if (!result.ok) { failed(result); return; }
    location.reload();
  });
}

/** The publishing buttons; they send the episode form's current ETag when there is one. */
export function publishing(section, form) {
  const url = section.dataset.url;
  section.querySelectorAll('[data-publish]').forEach(button => button.addEventListener('click', async () => {
    clearErrors(section);
    let publishedAt = null;
    if (button.dataset.publish === 'now') {
      // The server's clock decides what "now" is: a browser clock a minute ahead would schedule it.
      const current = await api('GET', url);
      publishedAt = new Date(current.date ? Date.parse(current.date) - 1000 : Date.now()).toISOString();
    } else if (button.dataset.publish === 'schedule') {
      const chosen = document.getElementById('schedule-at').value;
      if (!chosen) { showProblem(section, { detail: 'Choose the date and time of publication first.' }); return; }
      publishedAt = new Date(chosen).toISOString();
    }
    const etag = form?.dataset.etag;
    const result = await api('PATCH', url, { publishedAt },
      { 'Content-Type': 'application/merge-patch+json', ...(etag ? { 'If-Match': etag } : {}) });
    if (!result.ok) { showProblem(section, result.problem); return; }
    location.reload();
  }));
}
