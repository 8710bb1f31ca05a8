// A show: its details (create, with its artwork, or edit with If-Match) and its artwork.
import { api } from './api.js';
import { clearErrors, collect, fieldError, fill, mergePatch, showProblem, status } from './forms.js';
import { lang, t } from './i18n.js';

/** An artwork the show's page could not store after the show was created: said there, on its artwork form. */
const PENDING_PROBLEM = 'chapitre.artwork-problem';

export function showForm(form, data) {
  const editing = Boolean(data.slug);
  if (editing) fill(form, data);
  subcategoriesOfTheCategory(form);
  let etag = form.dataset.etag;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = collect(form);
    const artwork = editing ? null : form.querySelector('input[name=artwork]')?.files[0];
    if (artwork) {
      const problem = await artworkProblem(artwork);
      if (problem) { showProblem(form, fieldError('artwork', problem)); return; }
    }
    status(form, t('saving'));
    const result = editing
      ? await api('PATCH', form.dataset.update, values, mergePatch(etag))
      : await api('POST', form.dataset.create, values);
    if (!result.ok) {
      status(form, '');
      showProblem(form, result.problem);
      return;
    }
    clearErrors(form);
    if (artwork) {
      status(form, t('createdUploadingArtwork'));
      const stored = await putArtwork(result.json.slug, artwork);
      if (!stored.ok) sessionStorage.setItem(PENDING_PROBLEM, JSON.stringify(stored.problem));
    }
    if (!editing || result.json.slug !== data.slug) {
      location.assign(form.dataset.after.replace('{slug}', result.json.slug));
      return;
    }
    etag = result.etag;
    status(form, t('savedAt', new Date().toLocaleTimeString(lang)));
  });
}

/** Only the chosen category's subcategories are offered (without JavaScript all are, and the API says which fit). */
function subcategoriesOfTheCategory(form) {
  const category = form.querySelector('select[name=category]');
  const subcategory = form.querySelector('select[name=subcategory]');
  if (!category || !subcategory) return;
  const offer = () => {
    subcategory.querySelectorAll('optgroup').forEach(group => {
      const own = group.dataset.category === category.value; // the label is in the studio's language
      group.hidden = !own;
      group.disabled = !own;
    });
    if (subcategory.selectedOptions[0]?.parentElement.disabled) subcategory.value = '';
  };
  category.addEventListener('change', offer);
  offer();
}

/** What the API would refuse in an artwork, said before the show is created (the API checks it again). */
async function artworkProblem(file) {
  if (!['image/jpeg', 'image/png'].includes(imageType(file))) return t('notJpegPng', file.name);
  let image;
  try {
    image = await createImageBitmap(file);
  } catch (unreadable) {
    return t('unreadableImage', file.name);
  }
  const { width, height } = image;
  image.close();
  if (width !== height) return t('artworkSquare', file.name, width, height);
  if (width < 1400 || width > 3000) return t('artworkSize', file.name, width, height);
  return null;
}

/** The browser's type, or the name's when the system told none. */
const imageType = file => file.type || (/\.png$/i.test(file.name) ? 'image/png' : /\.jpe?g$/i.test(file.name) ? 'image/jpeg' : '');

function putArtwork(slug, file) {
  return api('PUT', `/api/podcasts/${slug}/artwork`, file, { 'Content-Type': imageType(file) === 'image/png' ? 'image/png' : 'image/jpeg' });
}

export function artworkForm(form) {
  const pending = sessionStorage.getItem(PENDING_PROBLEM);
  if (pending) {
    sessionStorage.removeItem(PENDING_PROBLEM);
    const problem = JSON.parse(pending);
    showProblem(form, { ...problem, detail: t('showWithoutArtwork', problem.detail) });
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    clearErrors(form);
    if (!file) {
      showProblem(form, fieldError('artwork', t('chooseImage')));
      return;
    }
    status(form, t('uploading'));
    const result = await putArtwork(form.dataset.podcast, file);
    if (!result.ok) {
      status(form, '');
      showProblem(form, result.problem);
      return;
    }
    location.reload();
  });
}
