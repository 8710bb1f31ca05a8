// Small things every studio page shares.
import { lang, t } from './i18n.js';

/** What the server put in the page's data block (the show or episode being edited, the audio). */
export function pageData() {
  const element = document.getElementById('studio-data');
  return element ? JSON.parse(element.textContent || '{}') : {};
}

export function button(text, title, action) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  if (title) element.title = title;
  element.addEventListener('click', action);
  return element;
}

export function labelled(text, input, className) {
  const label = document.createElement('label');
  label.className = className;
  label.append(`${text} `, input);
  return label;
}

/** Dates written by the server in UTC, shown in the producer's own time zone. */
export function localTimes(root) {
  root.querySelectorAll('time[data-local]').forEach(time => {
    const date = new Date(time.getAttribute('datetime'));
    if (!Number.isNaN(date.getTime())) time.textContent = date.toLocaleString(lang);
  });
}

/** An element with its text (never parsed as HTML) and class. */
export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/** A list of texts. */
export function list(items, className) {
  const ul = element('ul', null, className);
  items.forEach(item => ul.append(element('li', item)));
  return ul;
}

export function megabytes(bytes) {
  return t('megabytes', (bytes / 1e6).toLocaleString(lang, { maximumFractionDigits: 1 }));
}
