// The studio's forms: filled from and collected as the API's JSON, and its problems shown where
// they belong. Where an error goes is decided by its `field` only (the problem's `errors`), never
// by its wording: the detail goes on top, in the form's general message area, and each error next
// to the input of that name; an error naming no field of this form is covered by the detail.
import { known, t } from './i18n.js';
import { addPerson, collectPersons } from './persons.js';

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(slot => { slot.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  if (general) { general.hidden = true; general.textContent = ''; }
}

/**
 * One error of the API in the studio's words: the field by its label in the page's language
 * ("persons[1].name" → "Name", "startTime" → "Start"; a field without a label in words), then the
 * reason as the API gives it, worded in the studio's language (api.js sends it as Accept-Language).
 */
export function sentence(field, reason) {
  const name = String(field).replace(/^.*\./, '').replace(/\[\d+\]$/, '');
  const label = known(`field.${name}`) ? t(`field.${name}`)
    : name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, c => c.toUpperCase());
  return t('fieldError', label, reason);
}

/**
 * A problem from the API, or one found here before asking it ({@link fieldError}): an error may
 * then carry its own `text` instead of a reason.
 */
export function showProblem(form, problem) {
  clearErrors(form);
  const general = form.querySelector('.form-error');
  if (general) { general.textContent = problem.detail; general.hidden = false; }
  (problem.errors || []).forEach(error => {
    const name = String(error.field || '').replace(/\[.*$/, ''); // persons[0].name → persons
    const slot = name && form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (!slot) return;
    slot.textContent = `${slot.textContent} ${error.text ?? sentence(error.field, error.reason)}`.trim();
    form.querySelector(`[name="${CSS.escape(name)}"]`)?.setAttribute('aria-invalid', 'true');
  });
}

/** A problem found before sending anything (no file chosen, not an MP3…), about one field. */
export function fieldError(field, text) {
  return { detail: text, errors: [{ field, text }] };
}

export function status(form, text) {
  const out = form.querySelector('.form-status');
  if (out) out.textContent = text;
}

export function fill(form, values) {
  for (const input of form.elements) {
    if (!input.name || !(input.name in values) || input.type === 'file' || input.closest('[data-persons]')) continue;
    const value = values[input.name];
    if (input.type === 'checkbox') input.checked = Boolean(value);
    else if (input.dataset.kind === 'tristate') input.value = value === true ? 'true' : value === false ? 'false' : '';
    else input.value = value === null || value === undefined ? '' : value;
  }
  const persons = form.querySelector('[data-persons]');
  if (persons) (values.persons || []).forEach(person => addPerson(persons, person));
}

/** The form as JSON: empty texts are null, numbers are numbers, checkboxes are booleans. */
export function collect(form) {
  const values = {};
  for (const input of form.elements) {
    // A disabled input (an owner's field on an editor's page) is left out: the merge patch keeps its value.
    if (!input.name || input.disabled || input.type === 'file' || input.closest('[data-persons]')) continue;
    if (input.dataset.kind === 'bool') values[input.name] = input.checked;
    else if (input.dataset.kind === 'tristate') values[input.name] = input.value === '' ? null : input.value === 'true';
    else if (input.dataset.kind === 'int') values[input.name] = input.value.trim() === '' ? null : Number(input.value);
    else values[input.name] = input.value.trim() === '' ? null : input.value;
  }
  if (values.slug === null) delete values.slug; // derived from the title
  const persons = form.querySelector('[data-persons]');
  if (persons) values.persons = collectPersons(persons);
  return values;
}

export const mergePatch = etag => ({ 'If-Match': etag, 'Content-Type': 'application/merge-patch+json' });
