// The credits (podcast:person) of a show or an episode: one row per person, added and removed
// in place.
import { t } from './i18n.js';

const PERSON_FIELDS = ['name', 'role', 'group', 'href', 'img'];

export function addPerson(fieldset, person = {}) {
  const row = document.createElement('div');
  row.className = 'person-row';
  PERSON_FIELDS.forEach(key => {
    const wrap = document.createElement('label');
    wrap.textContent = `${t(`person.${key}`)} `;
    const input = document.createElement('input');
    input.dataset.person = key;
    input.value = person[key] || '';
    if (key === 'role') input.placeholder = 'host';
    wrap.append(input);
    row.append(wrap);
  });
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = t('remove');
  remove.addEventListener('click', () => row.remove());
  row.append(remove);
  fieldset.querySelector('.person-rows').append(row);
  return row;
}

/** The rows as the API's persons: empty values left out, empty rows dropped. */
export function collectPersons(fieldset) {
  return [...fieldset.querySelectorAll('.person-row')].map(row => {
    const person = {};
    row.querySelectorAll('[data-person]').forEach(input => {
      if (input.value.trim() !== '') person[input.dataset.person] = input.value.trim();
    });
    return person;
  }).filter(person => Object.keys(person).length > 0);
}

export function personButtons(root) {
  root.querySelectorAll('[data-persons] .add-person').forEach(button => button.addEventListener('click', () => {
    addPerson(button.closest('[data-persons]')).querySelector('input').focus();
  }));
}
