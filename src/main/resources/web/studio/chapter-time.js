// Chapter start times as the editor shows and reads them.

/** Milliseconds → "HH:MM:SS.mmm". */
export function formatTime(ms) {
  const total = Math.max(0, Math.round(ms));
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(total / 3600000);
  const m = Math.floor(total / 60000) % 60;
  const s = Math.floor(total / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(total % 1000, 3)}`;
}

/** "1:02:03.5", "62:03", "12.25" → milliseconds; NaN when it is not a time. */
export function parseTime(text) {
  const match = /^\s*(?:(?:(\d+):)?(\d+):)?(\d+)(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!match) return NaN;
  const [, h = '0', m = '0', s, frac = '0'] = match;
  if ((match[2] !== undefined && Number(s) > 59) || (match[1] !== undefined && Number(m) > 59)) return NaN;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'));
}
