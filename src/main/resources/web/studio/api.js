// The producer API as the studio calls it: the session cookie goes by itself, the CSRF token in
// X-CSRF-Token, and every answer becomes one outcome: ok, status, the JSON, the ETag and, when it
// failed, the RFC 9457 problem (detail, and for a 422 the errors with their field).

export const csrf = document.querySelector('meta[name="csrf-token"]')?.content || '';

const SESSION_ENDED = 'Your session has ended. Sign in again (in another tab, to keep this page), then retry.';

export function outcome(status, json, etag) {
  const ok = status >= 200 && status < 300;
  let problem = null;
  if (!ok) {
    problem = json && json.detail ? json : { detail: `The server answered ${status}.` };
    if (status === 401) problem = { ...problem, detail: SESSION_ENDED };
  }
  return { ok, status, json, etag, problem };
}

/** A string or a Blob is sent as it is (give its Content-Type); anything else as JSON. */
export async function api(method, url, body, headers = {}) {
  const init = { method, headers: { 'X-CSRF-Token': csrf, Accept: 'application/json', ...headers } };
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
    return outcome(0, { detail: 'The server could not be reached (network error). Nothing was changed; try again.' }, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  const result = outcome(response.status, json, response.headers.get('ETag'));
  result.date = response.headers.get('Date');
  return result;
}
