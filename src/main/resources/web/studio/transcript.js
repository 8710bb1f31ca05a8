// An episode's transcript on its studio page: upload the file a tool exported (the API reads its
// content, whatever its name), see what was understood, replace it (If-Match) or delete it.
// Every defect of a refused file is listed by its line next to the file input.
import { api } from './api.js';
import { element } from './dom.js';
import { clearErrors, fieldError, sentence, showProblem, status } from './forms.js';
import { count, lang, t } from './i18n.js';

const MAX_BYTES = 10 * 1024 * 1024;
const FORMATS = { vtt: 'WebVTT', srt: 'SRT (SubRip)', json: 'Podcasting 2.0 JSON', txt: t('transcript.txt') };
const LINKS = { vtt: 'WebVTT', srt: 'SRT', json: 'JSON', html: t('transcript.page') };

/** A 422's errors: the language's stay on its input, every other one is about the file, said by its line. */
export function fileErrors(problem) {
  const errors = (problem.errors || []).map(error => (error.field === 'language' ? error : {
    field: 'file',
    text: `${error.line ? `${t('atLine', error.line)} ` : error.index !== undefined ? `${t('atCue', error.index + 1)} ` : ''}${sentence(error.field, error.reason)}`
  }));
  return { ...problem, errors: errors.length ? errors : [{ field: 'file', text: problem.detail }] };
}

export function transcriptForm(form, data) {
  const url = form.dataset.api;
  const fileInput = form.querySelector('input[name=file]');
  const language = form.querySelector('input[name=language]');
  const summary = document.getElementById('transcript-summary');
  const byId = id => document.getElementById(id);
  let etag = null;

  function show(transcript, newEtag) {
    etag = newEtag;
    const exists = Boolean(transcript);
    byId('no-transcript').hidden = exists;
    summary.hidden = !exists;
    byId('transcript-delete').hidden = !exists;
    byId('transcript-upload').textContent = t(exists ? 'transcript.replace' : 'transcript.upload');
    byId('t-file-label').textContent = t(exists ? 'transcript.replaceFile' : 'transcript.file');
    if (!exists) { summary.replaceChildren(); language.value = language.dataset.showLanguage; return; }
    language.value = transcript.language;
    const facts = element('p');
    facts.append(element('strong', transcript.cueCount.toLocaleString(lang), 'cue-count'), ` ${count('transcript.cues', transcript.cueCount)} `,
      element('strong', FORMATS[transcript.sourceFormat] || transcript.sourceFormat, 'source-format'), t('transcript.inLanguage', transcript.language));
    const speakers = element('ul', null, 'speakers');
    transcript.speakers.forEach(speaker => speakers.append(element('li',
      speaker.person ? t('transcript.matched', speaker.name, speaker.person.name) : speaker.name)));
    const links = element('p', `${t('transcript.publicFiles')} `, 'transcript-links');
    Object.entries(transcript.links).forEach(([format, href], index) => {
      const link = element('a', LINKS[format] || format);
      link.href = href;
      links.append(index ? ' · ' : '', link);
    });
    if (data.status !== 'published') links.append(element('span', ` ${t('transcript.publicOnce')}`, 'muted'));
    const editor = element('a', t('transcript.markAlong'));
    editor.href = form.dataset.chapters;
    const parts = [facts];
    parts.push(transcript.speakers.length ? element('p', t('transcript.speakers')) : element('p', t('transcript.noSpeaker'), 'muted'));
    if (transcript.speakers.length) parts.push(speakers);
    summary.replaceChildren(...parts, links, element('p'));
    summary.lastChild.append(editor);
  }

  async function reload() {
    byId('transcript-conflict').hidden = true;
    const result = await api('GET', url);
    if (result.status === 404) { show(null, null); return; }
    if (!result.ok) { showProblem(form, result.problem); return; }
    show(result.json, result.etag);
  }

  const conflict = () => {
    status(form, '');
    byId('transcript-conflict').hidden = false;
    byId('transcript-reload').focus();
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    byId('transcript-conflict').hidden = true;
    const file = fileInput.files[0];
    if (!file) { showProblem(form, fieldError('file', t('transcript.choose'))); return; }
    if (file.size > MAX_BYTES) {
      showProblem(form, fieldError('file', t('transcript.tooBig', file.name, (file.size / 1048576).toLocaleString(lang, { maximumFractionDigits: 1 }))));
      return;
    }
    const chosen = language.value.trim();
    status(form, t('uploading'));
    const result = await api('PUT', chosen ? `${url}?language=${encodeURIComponent(chosen)}` : url, file,
      // The first upload must not replace one that someone else stored meanwhile: If-None-Match: *.
      { 'Content-Type': file.type || 'application/octet-stream', ...(etag ? { 'If-Match': etag } : { 'If-None-Match': '*' }) });
    if (result.status === 412) { conflict(); return; }
    if (!result.ok) {
      status(form, '');
      showProblem(form, result.status === 422 ? fileErrors(result.problem) : result.problem);
      return;
    }
    fileInput.value = '';
    show(result.json, result.etag);
    await episodeChanged();
    status(form, t(result.status === 201 ? 'transcript.uploadedAt' : 'transcript.replacedAt', new Date().toLocaleTimeString(lang)));
  });

  byId('transcript-delete').addEventListener('click', () => {
    byId('transcript-confirm').hidden = false;
    byId('transcript-delete-no').focus();
  });
  byId('transcript-delete-no').addEventListener('click', () => { byId('transcript-confirm').hidden = true; });
  byId('transcript-delete-yes').addEventListener('click', async () => {
    byId('transcript-confirm').hidden = true;
    clearErrors(form);
    const result = await api('DELETE', url, undefined, etag ? { 'If-Match': etag } : {});
    if (result.status === 412) { conflict(); return; }
    if (!result.ok) { showProblem(form, result.problem); return; }
    show(null, null);
    await episodeChanged();
    status(form, t('transcript.deleted'));
  });
  byId('transcript-reload').addEventListener('click', reload);

  /** The episode links its transcript, so its ETag moved: the episode form's next save must send the new one. */
  async function episodeChanged() {
    const episodeForm = byId('episode-form');
    if (!episodeForm?.dataset.update) return;
    const episode = await api('GET', episodeForm.dataset.update);
    if (episode.ok && episode.etag) episodeForm.dataset.etag = episode.etag;
  }

  if (data.transcript) reload(); else show(null, null);
}
