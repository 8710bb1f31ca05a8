// Import into the editor: a file or pasted text in one of the formats (or the episode's show
// notes), previewed by the API's own parsers; nothing is saved until the producer saves.
import { api } from './api.js';
import { formatTime } from './chapter-time.js';
import { sentence } from './forms.js';
import { t, count } from './i18n.js';

/** `replace` takes the previewed chapters (the API's JSON) when the producer applies them. */
export function chapterImport(base, replace) {
  const format = document.getElementById('import-format');
  const importText = document.getElementById('import-text');
  const importError = document.getElementById('import-error');
  const preview = document.getElementById('import-preview');
  let imported = [];
  format.addEventListener('change', () => { importText.disabled = format.value === 'shownotes'; });
  document.getElementById('import-file').addEventListener('change', async event => {
    const file = event.target.files[0];
    if (file) importText.value = await file.text();
  });
  document.getElementById('preview').addEventListener('click', async () => {
    importError.hidden = true;
    preview.hidden = true;
    const result = await api('POST', `${base}/chapters/import?format=${encodeURIComponent(format.value)}&preview=true`,
      format.value === 'shownotes' ? '' : importText.value,
      { 'Content-Type': format.value === 'json' ? 'application/json' : 'text/plain; charset=utf-8' });
    if (!result.ok) {
      // Each error by where it is: its line in the text, or its chapter.
      const lines = (result.problem.errors || []).map(e => `${e.line ? `${t('atLine', e.line)} ` : e.index !== undefined ? `${t('atChapter', e.index + 1)} ` : ''}${sentence(e.field, e.reason)}`);
      importError.textContent = lines.length ? `${t('import.cannot')}\n${lines.join('\n')}` : result.problem.detail;
      importError.hidden = false;
      return;
    }
    imported = result.json.chapters || [];
    document.getElementById('preview-count').textContent = count('chapters', imported.length);
    document.getElementById('preview-list').replaceChildren(...imported.map(c => {
      const item = document.createElement('li');
      item.textContent = `${formatTime(c.startTime * 1000)} ${c.title}`;
      return item;
    }));
    preview.hidden = false;
  });
  document.getElementById('apply-import').addEventListener('click', () => {
    preview.hidden = true;
    replace(imported);
  });
  document.getElementById('cancel-import').addEventListener('click', () => { preview.hidden = true; });
}
