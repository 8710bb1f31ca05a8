// A chapter's own image, on its row in the editor: a file picker that sends the JPEG or PNG to
// PUT …/chapters/{number}/image with the chapter list's ETag, and a button that deletes it. The API
// numbers the saved chapters from 1; with unsaved changes the row's number may not be the saved
// one, so the row asks for a save first. The answer is the saved chapters with their new ETag,
// which the editor takes as its own (`adopt`), as after a save.
import { api } from './api.js';
import { button, labelled } from './dom.js';
import { t } from './i18n.js';

/** Stored images have their address here; a linked one elsewhere is not shown (the studio loads nothing from other hosts). */
const ours = url => url.startsWith(`${location.origin}/media/chapter-images/`);

/** `editor`: `{ etag(), dirty(), adopt(result, message) }`; answers the control for one row. */
export function chapterImages(base, editor) {
  return function imageControl(row, index) {
    const number = index + 1;
    const box = document.createElement('div');
    box.className = 'image-control';
    // its own place for what it says: the row's errors are the rules' (cleared by each check as the producer types)
    const message = document.createElement('p');
    message.className = 'image-message';
    message.setAttribute('role', 'alert');
    const say = (text, progress = false) => {
      message.textContent = text;
      message.classList.toggle('progress', progress);
    };
    if (row.img && ours(row.img)) {
      const preview = document.createElement('img');
      preview.src = row.img;
      preview.alt = t('image.of', number);
      preview.width = 48;
      preview.height = 48;
      preview.loading = 'lazy';
      box.append(preview);
    }
    const file = document.createElement('input');
    file.type = 'file';
    file.accept = 'image/jpeg,image/png';
    file.className = 'image-file';
    file.addEventListener('change', async () => {
      const chosen = file.files[0];
      file.value = '';
      if (!chosen || !ready()) return;
      say(t('image.uploading', number), true);
      const result = await api('PUT', `${base}/chapters/${number}/image`, chosen,
        { 'Content-Type': chosen.type || 'application/octet-stream', 'If-Match': editor.etag() });
      answered(result, t('image.saved', number));
    });
    box.append(labelled(t(row.img ? 'image.replace' : 'image.upload'), file, 'image-label'));
    if (row.img) {
      box.append(button(t('image.remove'), t('image.removeTitle', number), async () => {
        if (!ready()) return;
        const result = await api('DELETE', `${base}/chapters/${number}/image`, undefined, { 'If-Match': editor.etag() });
        answered(result, t('image.removed', number));
      }));
    }
    box.append(message);
    return box;

    function ready() {
      if (!editor.dirty()) return true;
      say(t('image.saveFirst'));
      return false;
    }

    function answered(result, message) {
      if (result.status === 412) {
        say(t('image.conflict'));
      } else if (!result.ok) {
        say(result.problem.detail);
      } else {
        say('');
        editor.adopt(result, message);
      }
    }
  };
}
