// The editor's view of the audio: the peaks the server computed once (the browser never decodes the
// MP3: a 3-hour episode would take its memory), zoomable from the whole episode down to 10 ms per
// pixel and scrollable, with the pauses shaded, each chapter's start as a handle to drag, suggested
// chapters as ghost marks, and the playhead. Only the visible part is drawn, from the coarsest level
// of peaks that still has a value per pixel, so a redraw costs the same at any length.
import { csrf } from './api.js';
import { formatTime } from './chapter-time.js';
import { t, count } from './i18n.js';

const FINEST_MS = 10; // the server's pixels
const LEVEL_FACTOR = 8;
const HANDLE_REACH = 6; // CSS pixels either side of a handle that grab it
export const SNAP_MS = 1500;

/** Waits out a 202 (the server is still computing) as its Retry-After says. */
async function whenComputed(url, accept, onWaiting) {
  for (;;) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: accept, 'X-CSRF-Token': csrf } });
    } catch (networkError) {
      response = null; // the server is out of reach for a moment: ask again
    }
    if (response && response.status !== 202) return response;
    onWaiting();
    const seconds = Number(response?.headers.get('Retry-After')) || 2;
    await new Promise(resolve => setTimeout(resolve, seconds * 1000));
  }
}

/** audiowaveform's binary layout, version 1, 8-bit: a 20-byte header, then (min, max) pairs. */
function readPeaks(buffer) {
  const header = new DataView(buffer, 0, 20);
  const pixels = header.getUint32(16, true);
  return { msPerPixel: header.getInt32(12, true) * 1000 / header.getInt32(8, true), level0: new Int8Array(buffer, 20, pixels * 2) };
}

/** Coarser copies of the peaks, each merging LEVEL_FACTOR pixels of the one before. */
function levelsOf(level0) {
  const levels = [level0];
  let current = level0;
  while (current.length / 2 > 2000) {
    const pixels = Math.ceil(current.length / 2 / LEVEL_FACTOR);
    const next = new Int8Array(pixels * 2);
    for (let p = 0; p < pixels; p++) {
      let min = 127;
      let max = -128;
      const end = Math.min(current.length / 2, (p + 1) * LEVEL_FACTOR);
      for (let i = p * LEVEL_FACTOR; i < end; i++) {
        if (current[2 * i] < min) min = current[2 * i];
        if (current[2 * i + 1] > max) max = current[2 * i + 1];
      }
      next[2 * p] = min;
      next[2 * p + 1] = max;
    }
    levels.push(next);
    current = next;
  }
  return levels;
}

/** The nearest pause boundary within SNAP_MS of `ms`, else `ms` itself. */
export function snapToPause(ms, pauses) {
  let best = null;
  for (const pause of pauses) {
    for (const edge of [pause.startMs, pause.endMs]) {
      const distance = Math.abs(edge - ms);
      if (distance <= SNAP_MS && (best === null || distance < Math.abs(best - ms))) best = edge;
    }
  }
  return best === null ? { ms, snapped: false } : { ms: best, snapped: best !== ms };
}

/**
 * `panel` holds the canvas and its tools; `onMove(row, ms, free)` is called when a handle is dropped
 * (`free`: Shift was held, no snapping). Returns what the editor drives: the rows, the ghosts, snapping.
 */
export function chapterWaveform(panel, base, audio, durationMs, onMove) {
  const scroller = panel.querySelector('.waveform-scroll');
  const spacer = panel.querySelector('.waveform-spacer');
  const canvas = panel.querySelector('canvas');
  const status = panel.querySelector('#waveform-status');
  const context = canvas.getContext('2d');
  let levels = null;
  let msPerPixel0 = FINEST_MS;
  let scale = 1;
  let pauses = [];
  let rows = [];
  let ghosts = [];
  let msPerPx = 0; // the zoom: milliseconds per CSS pixel
  let dragging = null;
  let pending = false;
  const ready = { peaks: false };

  const width = () => scroller.clientWidth;
  const fitMsPerPx = () => Math.max(FINEST_MS, durationMs / Math.max(1, width()));
  const startMs = () => scroller.scrollLeft * msPerPx;
  const xOf = ms => (ms - startMs()) / msPerPx;
  const msAt = clientX => Math.max(0, Math.min(durationMs, startMs() + (clientX - canvas.getBoundingClientRect().left) * msPerPx));

  /** The playhead when it is in view, else the middle of the view: zooming never jumps elsewhere. */
  function anchor() {
    const playhead = audio.currentTime * 1000;
    const x = xOf(playhead);
    return x >= 0 && x <= width() ? playhead : startMs() + width() / 2 * msPerPx;
  }

  function zoomTo(next, anchorMs = anchor()) {
    const anchorX = Math.max(0, Math.min(width(), xOf(anchorMs)));
    msPerPx = Math.max(FINEST_MS, Math.min(fitMsPerPx(), next));
    spacer.style.width = `${Math.ceil(durationMs / msPerPx)}px`;
    scroller.scrollLeft = Math.max(0, anchorMs / msPerPx - anchorX);
    redraw();
  }

  function redraw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; draw(); });
  }

  function draw() {
    const ratio = window.devicePixelRatio || 1;
    const w = width();
    const h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, w, h);
    const from = startMs();
    const to = from + w * msPerPx;
    context.fillStyle = '#e0f2fe';
    for (const pause of pauses) {
      if (pause.endMs < from || pause.startMs > to) continue;
      context.fillRect(xOf(pause.startMs), 0, Math.max(1, (pause.endMs - pause.startMs) / msPerPx), h);
    }
    if (levels) drawPeaks(w, h, from);
    context.setLineDash([4, 3]);
    context.strokeStyle = '#7c3aed';
    ghosts.forEach(ghost => line(xOf(ghost.start), h));
    context.setLineDash([]);
    rows.forEach((row, index) => {
      const at = dragging && dragging.row === row ? dragging.ms : row.start;
      const x = xOf(at);
      if (x < -20 || x > w + 20) return;
      context.strokeStyle = '#b45309';
      context.lineWidth = 2;
      line(x, h);
      context.lineWidth = 1;
      context.fillStyle = '#b45309';
      context.fillRect(x - 1, 0, 16, 14);
      context.fillStyle = '#fff';
      context.font = '10px sans-serif';
      context.fillText(String(index + 1), x + 2, 11);
    });
    context.strokeStyle = '#dc2626';
    line(xOf(audio.currentTime * 1000), h);
  }

  function line(x, h) {
    context.beginPath();
    context.moveTo(Math.round(x) + 0.5, 0);
    context.lineTo(Math.round(x) + 0.5, h);
    context.stroke();
  }

  function drawPeaks(w, h, from) {
    let level = 0;
    while (level + 1 < levels.length && msPerPixel0 * LEVEL_FACTOR ** (level + 1) <= msPerPx) level++;
    const peaks = levels[level];
    const levelMs = msPerPixel0 * LEVEL_FACTOR ** level;
    const middle = h / 2;
    const gain = (h / 2 - 2) / scale;
    context.fillStyle = '#334155';
    for (let x = 0; x < w; x++) {
      const first = Math.floor((from + x * msPerPx) / levelMs);
      const last = Math.max(first + 1, Math.floor((from + (x + 1) * msPerPx) / levelMs));
      if (first * 2 >= peaks.length) break;
      let min = 127;
      let max = -128;
      for (let i = first; i < last && i * 2 < peaks.length; i++) {
        if (peaks[2 * i] < min) min = peaks[2 * i];
        if (peaks[2 * i + 1] > max) max = peaks[2 * i + 1];
      }
      const top = middle - max * gain;
      context.fillRect(x, top, 1, Math.max(1, (max - min) * gain));
    }
  }

  function handleAt(clientX) {
    const x = clientX - canvas.getBoundingClientRect().left;
    let best = null;
    rows.forEach(row => {
      const distance = Math.abs(xOf(row.start) - x);
      if (distance <= HANDLE_REACH && (!best || distance < best.distance)) best = { row, distance };
    });
    return best && best.row;
  }

  canvas.addEventListener('pointerdown', event => {
    if (event.button !== 0) return; // a right click opens the menu, it does not seek
    const row = handleAt(event.clientX);
    dragging = { row, ms: msAt(event.clientX), x: event.clientX, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', event => {
    canvas.classList.toggle('over-handle', !!handleAt(event.clientX));
    if (!dragging) return;
    dragging.moved ||= Math.abs(event.clientX - dragging.x) > 2;
    dragging.ms = msAt(event.clientX);
    if (dragging.row) redraw();
  });
  canvas.addEventListener('pointerup', event => {
    const drag = dragging;
    dragging = null;
    if (!drag) return;
    if (drag.row && drag.moved) onMove(drag.row, Math.round(msAt(event.clientX)), event.shiftKey);
    else if (!drag.moved) { audio.currentTime = msAt(event.clientX) / 1000; redraw(); }
    else redraw();
  });
  canvas.addEventListener('pointercancel', () => { dragging = null; redraw(); });
  scroller.addEventListener('scroll', redraw, { passive: true });
  scroller.addEventListener('wheel', event => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    zoomTo(msPerPx * (event.deltaY > 0 ? 1.25 : 0.8), msAt(event.clientX));
  }, { passive: false });
  panel.querySelector('#zoom-in').addEventListener('click', () => zoomTo(msPerPx / 2));
  panel.querySelector('#zoom-out').addEventListener('click', () => zoomTo(msPerPx * 2));
  panel.querySelector('#zoom-fit').addEventListener('click', () => zoomTo(fitMsPerPx(), 0));
  new ResizeObserver(() => zoomTo(Math.min(msPerPx, fitMsPerPx()))).observe(scroller);

  /** While playing, the playhead moves and the view follows it a page at a time: one loop, however often it is asked. */
  let following = false;
  function follow() {
    const x = xOf(audio.currentTime * 1000);
    if (!dragging && (x < 0 || x > width())) scroller.scrollLeft = audio.currentTime * 1000 / msPerPx - width() * 0.1;
    redraw();
    following = !audio.paused;
    if (following) requestAnimationFrame(follow);
  }
  const startFollowing = () => { if (!following) follow(); };
  audio.addEventListener('play', startFollowing);
  audio.addEventListener('seeked', startFollowing);
  audio.addEventListener('timeupdate', redraw);

  async function load() {
    const waiting = () => { status.textContent = t('waveform.computing'); };
    const peaks = await whenComputed(`${base}/waveform`, 'application/vnd.audiowaveform.dat', waiting);
    if (!peaks.ok) {
      const problem = await peaks.json().catch(() => ({}));
      status.textContent = problem.detail || t('waveform.failed', peaks.status);
      return;
    }
    const read = readPeaks(await peaks.arrayBuffer());
    msPerPixel0 = read.msPerPixel;
    levels = levelsOf(read.level0);
    scale = 8;
    for (const value of levels[levels.length - 1]) scale = Math.max(scale, Math.abs(value));
    const pauseAnswer = await whenComputed(`${base}/pauses`, 'application/json', waiting);
    if (pauseAnswer.ok) {
      pauses = (await pauseAnswer.json()).map(p => ({ startMs: Math.round(p.start * 1000), endMs: Math.round(p.end * 1000) }));
    }
    ready.peaks = true;
    status.textContent = count('waveform.pauses', pauses.length);
    panel.dataset.ready = 'true';
    panel.dispatchEvent(new CustomEvent('waveform-ready', { detail: { pauses } }));
    zoomTo(fitMsPerPx(), 0);
    performance.mark('waveform-painted');
  }

  panel.dataset.durationMs = durationMs;
  msPerPx = fitMsPerPx();
  spacer.style.width = `${width()}px`;
  load();

  return {
    update(nextRows) { rows = nextRows; redraw(); },
    setGhosts(next) { ghosts = next; redraw(); },
    snap(ms) { return snapToPause(ms, pauses); },
    pauses: () => pauses,
    describe: ms => formatTime(ms)
  };
}
