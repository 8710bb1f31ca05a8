// The studio's words in the page's language (French or English): the server puts the studio
// bundle's "js." messages in every page (#studio-messages). A missing key shows as itself, never
// breaks a page. {0}, {1}… are replaced by the arguments, as they are.
const messages = JSON.parse(document.getElementById('studio-messages')?.textContent || '{}');

/** The page's language, for numbers and dates. */
export const lang = document.documentElement.lang || 'en';

/** Whether the bundle has this key (a field's label, say). */
export const known = key => key in messages;

export function t(key, ...args) {
  const pattern = messages[key] ?? key;
  return pattern.replace(/\{(\d+)\}/g, (whole, index) => (args[index] !== undefined ? String(args[index]) : whole));
}

const plural = new Intl.PluralRules(lang);

/**
 * One of two messages by a count, by the language's rule (French says "0 note", English "0 ratings"):
 * key.one or key.other, {0} being the count (a message may also leave the number to its caller).
 */
export function count(key, n) {
  return t(plural.select(n) === 'one' ? `${key}.one` : `${key}.other`, n.toLocaleString(lang));
}
