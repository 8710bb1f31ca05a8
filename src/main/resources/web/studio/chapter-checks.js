// What listening apps will make of the chapters being marked, as the producer marks them: the
// server's checks (Apple, Spotify, YouTube, ID3, chapter art, starts inside speech) of the unsaved
// chapters, asked a moment after each change; a chapter not titled yet is checked as if it were (the
// checks do not depend on titles). Warnings only: saving is never blocked by them.
import { api } from './api.js';
import { t } from './i18n.js';

const APPS = { apple: 'Apple Podcasts', spotify: 'Spotify', youtube: 'YouTube', id3: t('checks.id3'), listeners: t('checks.listeners') };

export function chapterChecks(list, base) {
  let timer = null;
  let ticket = 0;

  function render(checks) {
    if (!checks.length) {
      const fine = document.createElement('li');
      fine.className = 'check fine';
      fine.textContent = t('checks.none');
      list.replaceChildren(fine);
      return;
    }
    list.replaceChildren(...checks.map(check => {
      const item = document.createElement('li');
      item.className = `check ${check.level}`;
      item.dataset.app = check.app;
      const app = document.createElement('strong');
      app.textContent = `${t('checks.app', APPS[check.app] || check.app)} `;
      item.append(app, check.message);
      return item;
    }));
  }

  function waiting(text) {
    const note = document.createElement('li');
    note.className = 'check pending';
    note.textContent = text;
    list.replaceChildren(note);
  }

  /** The editor's chapters as they are now (the JSON it would save). */
  return function refresh(chaptersDocument) {
    clearTimeout(timer);
    list.setAttribute('aria-busy', 'true');
    timer = setTimeout(async () => {
      const mine = ++ticket;
      const titled = { ...chaptersDocument, chapters: chaptersDocument.chapters.map(c => ({ ...c, title: c.title.trim() || t('untitled') })) };
      const result = await api('POST', `${base}/chapters/checks`, JSON.stringify(titled), { 'Content-Type': 'application/json' });
      if (mine !== ticket) return; // a newer check is on its way
      list.removeAttribute('aria-busy');
      if (result.ok) render(result.json);
      else waiting(t('checks.waiting'));
    }, 300);
  };
}
