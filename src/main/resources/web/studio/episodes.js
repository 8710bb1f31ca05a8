// An episode: create it with its MP3 (one multipart upload with progress), edit its details,
// replace its MP3, publish, schedule or unpublish it.
import { api } from './api.js';
import { megabytes } from './dom.js';
import { clearErrors, collect, fieldError, fill, mergePatch, showProblem, status } from './forms.js';
import { progressMeter, upload } from './upload.js';
import { lang, t } from './i18n.js';

export function episodeForm(form, data) {
  const editing = Boolean(data.slug);
  if (editing) fill(form, data);
  // form.dataset.etag, read at each change: the transcript's section refreshes it (a transcript changes the episode)
  const audioInput = form.querySelector('input[name=audio]');
  const maxBytes = Number(form.dataset.maxBytes || 0);

  /** The chosen file, or why it cannot be sent: said at once, before minutes of uploading. */
  const chosenAudio = () => {
    const file = audioInput.files[0];
    if (!file) return { problem: fieldError('audio', t('chooseMp3')) };
    if (!(file.type === 'audio/mpeg' || file.type === 'audio/mp3' || /\.mp3$/i.test(file.name))) {
      return { problem: fieldError('audio', t('notMp3', file.name, file.type || t('unknownType'))) };
    }
    if (maxBytes && file.size > maxBytes) {
      return { problem: fieldError('audio', t('mp3TooLarge', file.name, megabytes(file.size), megabytes(maxBytes))) };
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
      status(form, t('saving'));
      const result = await api('PATCH', form.dataset.update, values, mergePatch(form.dataset.etag));
      if (!result.ok) { failed(result); return; }
      if (result.json.slug !== data.slug) { location.assign(form.dataset.after.replace('{slug}', result.json.slug)); return; }
      form.dataset.etag = result.etag; // the publishing buttons send it too
      status(form, t('savedAt', new Date().toLocaleTimeString(lang)));
      return;
    }
    if (!values.title) { showProblem(form, { detail: t('episodeNeedsTitle'), errors: [{ field: 'title', text: t('titleRequired') }] }); return; }
    const audio = chosenAudio();
    if (audio.problem) { showProblem(form, audio.problem); return; }
    const body = new FormData();
    body.append('episode', new Blob([JSON.stringify(values)], { type: 'application/json' }), 'episode.json');
    body.append('audio', audio.file, audio.file.name);
    status(form, t('uploading'));
    const result = await upload('POST', form.dataset.create, body, {}, progressMeter(form));
    if (!result.ok) { failed(result); return; }
    status(form, t('uploadedOpening'));
    location.assign(form.dataset.after.replace('{slug}', result.json.slug));
  });

  /** A shorter MP3 is refused with the chapters it would leave out (errors by chapter); the producer may drop them. */
  const dropChoice = document.getElementById('drop-chapters');
  const replaceAudio = async dropChapters => {
    clearErrors(form);
    if (dropChoice) dropChoice.hidden = true;
    const audio = chosenAudio();
    if (audio.problem) { showProblem(form, audio.problem); return; }
    const result = await upload('PUT', `${form.dataset.update}/audio${dropChapters ? '?dropChapters=true' : ''}`, audio.file,
      { 'Content-Type': 'audio/mpeg', 'If-Match': form.dataset.etag }, progressMeter(form));
    if (!result.ok) {
      failed(result);
      // offered only when chapters are all that stands in the way (a transcript too long for the new audio is not dropped here)
      const errors = result.problem.errors || [];
      if (dropChoice && result.status === 422 && errors.length && errors.every(error => Number.isInteger(error.index))) dropChoice.hidden = false;
      return;
    }
    location.reload();
  };
  document.getElementById('replace-audio')?.addEventListener('click', () => replaceAudio(false));
  document.getElementById('drop-chapters-yes')?.addEventListener('click', () => replaceAudio(true));
  document.getElementById('drop-chapters-no')?.addEventListener('click', () => { dropChoice.hidden = true; });
}

/**
 * The publishing buttons; they send the episode form's current ETag when there is one. Taking a
 * published episode off (to a draft, or to a later date) asks first: apps drop it from the feed.
 */
export function publishing(section, form) {
  const url = section.dataset.url;
  const confirmBox = document.getElementById('publish-confirm');
  let confirmed = null;
  document.getElementById('publish-confirm-yes')?.addEventListener('click', () => { confirmBox.hidden = true; confirmed?.(); });
  document.getElementById('publish-confirm-no')?.addEventListener('click', () => { confirmBox.hidden = true; confirmed = null; });
  const askFirst = (text, yes, then) => {
    document.getElementById('publish-confirm-text').textContent = text;
    document.getElementById('publish-confirm-yes').textContent = yes;
    confirmed = then;
    confirmBox.hidden = false;
    document.getElementById('publish-confirm-no').focus();
  };

  const send = async publishedAt => {
    const etag = form?.dataset.etag;
    const result = await api('PATCH', url, { publishedAt },
      { 'Content-Type': 'application/merge-patch+json', ...(etag ? { 'If-Match': etag } : {}) });
    if (!result.ok) { showProblem(section, result.problem); return; }
    location.reload();
  };

  section.querySelectorAll('[data-publish]').forEach(button => button.addEventListener('click', async () => {
    clearErrors(section);
    const action = button.dataset.publish;
    if (action === 'now') {
      // The server's clock decides what "now" is: a browser clock a minute ahead would schedule it.
      const current = await api('GET', url);
      send(new Date(current.date ? Date.parse(current.date) - 1000 : Date.now()).toISOString());
      return;
    }
    if (action === 'schedule') {
      const chosen = document.getElementById('schedule-at').value;
      if (!chosen) { showProblem(section, { detail: t('chooseDate') }); return; }
      const at = new Date(chosen);
      if (section.dataset.status === 'published' && at > new Date()) {
        askFirst(t('rescheduleWarning', at.toLocaleString(lang)), t('rescheduleIt'), () => send(at.toISOString()));
        return;
      }
      send(at.toISOString());
      return;
    }
    if (section.dataset.status === 'published') {
      askFirst(t('unpublishWarning'), t('unpublishIt'), () => send(null));
      return;
    }
    send(null);
  }));
}
