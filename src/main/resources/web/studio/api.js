// The producer API as the studio calls it: the session cookie goes by itself, the CSRF token in
// X-CSRF-Token, and every answer becomes one outcome: ok, status, the JSON, the ETag and, when it
// failed, the RFC 9457 problem (detail, and for a 422 the errors with their field).
import { lang, t } from './i18n.js';

export const csrf = document.querySelector('meta[name="csrf-token"]')?.content || '';

export function outcome(status, json, etag) {
  const ok = status >= 200 && status < 300;
  let problem = null;
  if (!ok) {
    problem = json && json.detail ? json : { detail: t('serverAnswered', status) };
    if (status === 401) problem = { ...problem, detail: t('sessionEnded') };
  }
  return { ok, status, json, etag, problem };
}

/** A string or a Blob is sent as it is (give its Content-Type); anything else as JSON. */
export async function api(method, url, body, headers = {}) {
  // The studio's language, not the browser's: what the API words itself (the chapter checks) comes in it.
  const init = { method, headers: { 'X-CSRF-Token': csrf, Accept: 'application/json', 'Accept-Language': lang, ...headers } };
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof Blob) {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = init.headers['Content-Type'] || 'application/json';
    }
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (networkError) {
    return outcome(0, { detail: t('networkError') }, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  const result = outcome(response.status, json, response.headers.get('ETag'));
  result.date = response.headers.get('Date');
  return result;
}
