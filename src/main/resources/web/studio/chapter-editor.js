// The chapter-marking editor: one row per chapter, checked against the API's own rules as the
// producer types (a preview, nothing saved), saved with If-Match, then followed until the MP3 is
// re-tagged. A broken rule goes to its row by the error's `index`. With a transcript, its sentences
// start chapters and its first words after each start suggest titles. The waveform shows the audio:
// marks and dragged handles snap to the nearest pause (undoable; Shift places freely), suggested
// chapters are accepted one by one, and each app's checks follow every change. A row's image is
// uploaded or removed on its own (chapter-image.js), and the editor takes the chapters the API answers.
import { api } from './api.js';
import { sentence } from './forms.js';
import { chapterChecks } from './chapter-checks.js';
import { chapterImages } from './chapter-image.js';
import { chapterImport } from './chapter-import.js';
import { chapterPlayer } from './chapter-player.js';
import { chapterRow } from './chapter-row.js';
import { chapterSuggestions } from './chapter-suggestions.js';
import { chapterTranscript } from './chapter-transcript.js';
import { formatTime } from './chapter-time.js';
import { chapterWaveform } from './chapter-waveform.js';
import { t, count, lang } from './i18n.js';

/** The row's message for one error of a problem: the API says startTime, the row says Start. */
const rowMessage = error => ({ index: error.index, text: sentence(error.field, error.reason) });
const inRows = errors => (errors || []).filter(error => error.index !== undefined).map(rowMessage);

export function chapterEditor(root, episode) {
  const episodeAudio = episode.audio;
  const base = root.dataset.api;
  const audio = document.getElementById('player');
  const list = document.getElementById('chapter-rows');
  const saveButton = document.getElementById('save');
  const saveStatus = document.getElementById('save-status');
  const editorError = document.getElementById('editor-error');
  let rows = [];
  let etag = null;
  let savedJson = '';
  let nextKey = 1;
  let checking = 0;
  let valid = true;

  audio.src = episodeAudio.url;
  document.getElementById('length').textContent = formatTime(episodeAudio.durationMs);
  const waveformPanel = document.getElementById('waveform-panel');
  const snapStatus = document.getElementById('snap-status');
  const waveform = chapterWaveform(waveformPanel, base, audio, episodeAudio.durationMs, (row, ms, free) => place(row, ms, free));
  const refreshChecks = chapterChecks(document.getElementById('checks'), base);
  const images = chapterImages(base, { etag: () => etag, dirty: () => dirty(), adopt });

  const toRows = chapters => chapters.map(c => ({
    key: nextKey++, start: Math.round(Number(c.startTime) * 1000), startText: null,
    title: c.title || '', url: c.url || '', img: c.img || '', toc: c.toc !== false
  }));
  const document_ = () => ({
    version: '1.2.0',
    chapters: rows.map(row => {
      const chapter = { startTime: row.start / 1000, title: row.title };
      if (row.url.trim()) chapter.url = row.url.trim();
      if (row.img.trim()) chapter.img = row.img.trim();
      if (!row.toc) chapter.toc = false;
      return chapter;
    })
  });
  const dirty = () => JSON.stringify(document_()) !== savedJson;
  const sort = () => rows.sort((a, b) => a.start - b.start);

  async function load() {
    const result = await api('GET', `${base}/chapters`);
    if (!result.ok) { showEditorError(result.problem.detail); return; }
    showSaved(result);
  }

  /** The saved chapters and their ETag, as an answer of the API gives them: the rows start again from those. */
  function showSaved(result) {
    rows = toRows(result.json.chapters || []);
    etag = result.etag;
    sort();
    savedJson = JSON.stringify(document_());
    render();
    check();
  }

  function showEditorError(text) {
    editorError.textContent = text;
    editorError.hidden = !text;
  }

  function render(focus) {
    list.replaceChildren(...rows.map((row, index) => chapterRow(row, index, {
      audio, moved, changed: check, remove: () => { rows = rows.filter(r => r !== row); render(); check(); }, image: images
    })));
    document.getElementById('no-chapters').hidden = rows.length > 0;
    document.getElementById('chapter-count').textContent = rows.length ? `(${rows.length})` : '';
    if (focus) list.querySelector(`[data-key="${focus.key}"] ${focus.selector}`)?.focus();
    highlight();
    waveform.update(rows);
  }

  /**
   * A start set by ear or by hand on the waveform goes to the nearest pause within 1.5 s (the moment
   * between two sentences), unless Shift is held; a snap is said, and can be undone.
   */
  function snapped(ms, free) {
    return free ? { ms, snapped: false } : waveform.snap(ms);
  }

  function saySnap(row, snap, from) {
    if (!snap.snapped) { snapStatus.replaceChildren(); return; }
    const undo = document.createElement('button');
    undo.type = 'button';
    undo.textContent = t('editor.undo');
    undo.addEventListener('click', () => {
      snapStatus.replaceChildren();
      if (!rows.includes(row)) return;
      row.start = from;
      moved(row, '.start-input');
    });
    snapStatus.replaceChildren(`${t('editor.snapped', formatTime(snap.ms), formatTime(from))} `, undo);
  }

  /** A handle dropped on the waveform. */
  function place(row, ms, free) {
    const snap = snapped(ms, free);
    row.start = snap.ms;
    moved(row, '.start-input');
    saySnap(row, snap, ms);
  }

  /** After a change of a row's start: the rows in order again, the focus kept where it was. */
  function moved(row, selector) {
    row.startText = null;
    sort();
    render({ key: row.key, selector });
    check();
  }

  /** The one way a chapter is added: M, the Mark button, a transcript sentence's + and an accepted suggestion all come here. */
  function addChapterAt(start) {
    // fresh: its missing title is not an error until the producer has typed in it (marks come in runs, titles after)
    const row = { key: nextKey++, start, startText: null, title: '', url: '', img: '', toc: true, fresh: true };
    rows.push(row);
    sort();
    render({ key: row.key, selector: '.title-input' });
    check();
    return row;
  }

  function rowErrors(errors) {
    list.querySelectorAll('.chapter-row').forEach(item => {
      item.classList.remove('invalid');
      item.querySelector('.row-error').textContent = '';
    });
    errors.forEach(({ index, text }) => {
      const item = list.children[index];
      if (!item) return;
      item.classList.add('invalid');
      const slot = item.querySelector('.row-error');
      slot.textContent = `${slot.textContent} ${text}`.trim();
    });
  }

  let timer = null;
  let hint = ''; // what a save waits for that is not an error yet (a new chapter's title)
  /** The API's own rules (a preview, nothing saved), so the editor never disagrees with a save. */
  function check() {
    clearTimeout(timer);
    const unreadable = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.startText !== null)
      .map(({ index }) => ({ index, text: t('editor.notATime') }));
    valid = false;
    hint = '';
    updateSave();
    if (unreadable.length) { rowErrors(unreadable); return; }
    refreshChecks(document_());
    timer = setTimeout(async () => {
      const ticket = ++checking;
      // the answer's indexes are of the rows as they were sent, whatever is marked or typed meanwhile
      const sent = rows.map(row => ({ fresh: row.fresh, title: row.title }));
      const result = await api('POST', `${base}/chapters/import?format=json&preview=true`, JSON.stringify(document_()),
        { 'Content-Type': 'application/json' });
      if (ticket !== checking) return; // a newer check is on its way
      if (result.ok) {
        valid = true;
        rowErrors([]);
        showEditorError('');
      } else if (result.status === 422 && result.problem.errors) {
        const waiting = error => error.field === 'title' && sent[error.index]?.fresh && !sent[error.index].title;
        const shown = result.problem.errors.filter(error => !waiting(error));
        rowErrors(inRows(shown));
        const general = shown.filter(e => e.index === undefined);
        showEditorError(general.length ? result.problem.detail : shown.length ? t('editor.needFixing') : '');
        const untitled = result.problem.errors.filter(waiting).map(error => error.index + 1);
        hint = shown.length ? '' : t(untitled.length > 1 ? 'editor.giveTitles' : 'editor.giveTitle', untitled.join(', '));
      } else {
        showEditorError(result.problem.detail);
      }
      updateSave();
    }, 250);
  }

  function updateSave() {
    saveButton.disabled = !valid;
    if (dirty() && !saveStatus.dataset.busy) saveStatus.textContent = valid ? t('editor.unsaved') : hint;
  }

  async function save(overwrite = false) {
    if (!valid) return;
    saveStatus.dataset.busy = '1';
    saveStatus.textContent = t('saving');
    document.getElementById('conflict').hidden = true;
    if (overwrite) {
      const current = await api('GET', `${base}/chapters`);
      if (current.ok) etag = current.etag;
    }
    const sent = JSON.stringify(document_());
    const result = await api('PUT', `${base}/chapters`, sent, { 'Content-Type': 'application/json', 'If-Match': etag });
    delete saveStatus.dataset.busy;
    if (result.status === 412) {
      saveStatus.textContent = '';
      document.getElementById('conflict').hidden = false;
      document.getElementById('reload').focus();
      return;
    }
    if (!result.ok) {
      saveStatus.textContent = '';
      if (result.problem.errors) rowErrors(inRows(result.problem.errors));
      showEditorError(result.problem.detail);
      return;
    }
    etag = result.etag;
    savedJson = sent;
    showEditorError('');
    saveStatus.textContent = t('editor.savedWriting', new Date().toLocaleTimeString(lang));
    followTagging();
  }

  /** An image saved or removed: the API answered the saved chapters and their new ETag, which the rows now show. */
  function adopt(result, message) {
    showSaved(result);
    saveStatus.textContent = `${message} ${t('editor.writingIt')}`;
    followTagging();
  }

  /** After a save the MP3 is re-tagged in the background; the feed follows when it is done. */
  async function followTagging() {
    const until = Date.now() + 120000;
    while (Date.now() < until) {
      await new Promise(resolve => setTimeout(resolve, 700));
      const result = await api('GET', base);
      if (!result.ok) break;
      const episode = result.json;
      if (episode.audio.tagError) {
        saveStatus.textContent = t('editor.tagFailed', episode.audio.tagError);
        return;
      }
      if (episode.audio.tagged) {
        const time = new Date().toLocaleTimeString(lang);
        saveStatus.textContent = episode.status === 'published'
          ? t('editor.taggedFeed', time)
          : t('editor.taggedUnpublished', time, t(`status.${episode.status}`));
        saveStatus.dataset.tagged = 'true';
        return;
      }
    }
    saveStatus.textContent = t('editor.stillTagging');
  }

  /** The row playing now is highlighted. */
  function highlight() {
    const now = audio.currentTime * 1000;
    let current = -1;
    rows.forEach((row, index) => { if (row.start <= now) current = index; });
    [...list.children].forEach((item, index) => item.classList.toggle('current', index === current));
  }

  const mark = event => {
    const heard = Math.round(audio.currentTime * 1000);
    const snap = snapped(heard, !!(event && event.shiftKey));
    saySnap(addChapterAt(snap.ms), snap, heard);
  };
  chapterPlayer(root, audio, mark);
  audio.addEventListener('timeupdate', highlight);

  let overwriteNext = false;
  saveButton.addEventListener('click', () => {
    const overwrite = overwriteNext;
    overwriteNext = false;
    saveButton.textContent = t('editor.save');
    save(overwrite);
  });
  document.getElementById('reload').addEventListener('click', () => {
    document.getElementById('conflict').hidden = true;
    overwriteNext = false;
    saveButton.textContent = t('editor.save');
    load();
  });
  document.getElementById('keep').addEventListener('click', () => {
    document.getElementById('conflict').hidden = true;
    saveStatus.textContent = t('editor.kept');
    saveButton.textContent = t('editor.saveMine');
    overwriteNext = true;
  });
  window.addEventListener('beforeunload', event => { if (dirty()) { event.preventDefault(); event.returnValue = ''; } });

  chapterImport(base, chapters => {
    rows = toRows(chapters);
    sort();
    render();
    check();
    saveStatus.textContent = t('editor.imported');
  });

  chapterSuggestions(waveformPanel, base, waveform, start => addChapterAt(start), () => rows.map(row => row.start));

  if (episode.transcript) {
    chapterTranscript(document.getElementById('transcript-panel'), base, audio, addChapterAt);
    const suggest = document.getElementById('suggest-titles');
    suggest.hidden = false;
    suggest.addEventListener('click', suggestTitles);
  }

  /** Titles drafted by the API from the saved chapters' first words, offered on the rows with the same start. */
  async function suggestTitles() {
    const out = document.getElementById('suggest-status');
    const result = await api('GET', `${base}/transcript/chapter-titles`);
    if (!result.ok) { showEditorError(result.problem.detail); return; }
    const byStart = new Map(result.json.chapters.filter(c => c.suggestedTitle)
      .map(c => [Math.round(c.startTime * 1000), c.suggestedTitle]));
    let offered = 0;
    rows.forEach(row => {
      const title = byStart.get(row.start);
      if (title && title !== row.title) { row.suggestion = title; offered++; } else delete row.suggestion;
    });
    render();
    out.textContent = offered ? count('editor.titlesSuggested', offered) : t(dirty() ? 'editor.noTitleSaveFirst' : 'editor.noTitle');
  }

  load();
}
