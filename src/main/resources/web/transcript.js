// Reading along on the episode page: the cue being said is highlighted, a sentence seeks the player,
// and a search marks what it finds. The transcript reads the same without this module.
const section = document.querySelector("section.transcript");
const audio = document.getElementById("player");
if (section && audio) {
  const box = section.querySelector(".reading");
  const cues = Array.from(box.querySelectorAll("span[data-start]"));
  const reveal = revealer(box);
  follow(audio, box, cues, reveal);
  seekOnClick(audio, box);
  search(section, cues, reveal);
  performance.mark("transcript-ready");
}

/** Scrolls the transcript's own box (never the page) to show an element a third of the way down. */
function revealer(box) {
  const motion = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  return (element) => {
    const top = element.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTo({ top: top - box.clientHeight / 3, behavior: motion });
  };
}

function visibleIn(box, element) {
  const outer = box.getBoundingClientRect(), inner = element.getBoundingClientRect();
  return inner.bottom > outer.top && inner.top < outer.bottom;
}

/** The index of the last of the ascending starts at or before time, or -1. */
function lastAtOrBefore(starts, time) {
  let low = 0, high = starts.length - 1, found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle] <= time) { found = middle; low = middle + 1; } else { high = middle - 1; }
  }
  return found;
}

/**
 * Highlights the cue at the player's time. The box follows only while the reader reads where the audio
 * is (the cue before was in view) and has not just moved it themselves: it never pulls them back.
 */
function follow(audio, box, cues, reveal) {
  const starts = Float64Array.from(cues, (cue) => parseFloat(cue.dataset.start));
  const ends = Float64Array.from(cues, (cue) => parseFloat(cue.dataset.end));
  let current = -1, shown = -1, readerMovedAt = -Infinity;
  const moved = () => { readerMovedAt = performance.now(); };
  ["wheel", "touchmove", "keydown", "pointerdown"].forEach((type) => box.addEventListener(type, moved, { passive: true }));
  function update() {
    const time = audio.currentTime;
    let index = lastAtOrBefore(starts, time + 0.05);
    if (index >= 0 && time > ends[index] + 1) { index = -1; } // a long silence: nothing is being said
    if (index === current) { return; }
    if (current >= 0) { cues[current].classList.remove("current"); cues[current].removeAttribute("aria-current"); }
    current = index;
    if (index < 0) { return; }
    const following = performance.now() - readerMovedAt > 3000
      && (shown >= 0 ? visibleIn(box, cues[shown]) : readerMovedAt === -Infinity);
    shown = index;
    cues[index].classList.add("current");
    cues[index].setAttribute("aria-current", "time");
    if (following && !visibleIn(box, cues[index])) { reveal(cues[index]); }
  }
  audio.addEventListener("timeupdate", update);
  audio.addEventListener("seeked", update);
  update();
}

/** A sentence or a paragraph's time plays from there, unless the reader is selecting text. */
function seekOnClick(audio, box) {
  box.addEventListener("click", (event) => {
    const link = event.target.closest("a.seek");
    const target = link || event.target.closest("span[data-start]");
    if (!target || (!link && String(window.getSelection()) !== "")) { return; }
    event.preventDefault();
    audio.currentTime = parseFloat(target.dataset.start);
    audio.play().catch(() => { /* autoplay refused: the position is set anyway */ });
    history.replaceState(null, "", "#t=" + target.dataset.start);
  });
}

const FOLDED = new Map([["’", "'"], ["œ", "oe"], ["æ", "ae"]]);

/** Lower case without accents: "Élysée" and "elysee" read alike. */
function fold(character) {
  const code = character.charCodeAt(0);
  if (code < 128) { return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : character; }
  let folded = FOLDED.get(character);
  if (folded === undefined) {
    folded = character.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    FOLDED.set(character, folded);
  }
  return folded;
}

/**
 * Every cue folded once into one string (cues apart by a line break, which no query holds): where each
 * cue starts in it, and for each folded character where its character starts in the cue's own text.
 */
function foldedIndex(texts) {
  const parts = [], starts = new Int32Array(texts.length);
  let origin = new Int32Array(1 << 16), length = 0;
  texts.forEach((text, cue) => {
    starts[cue] = length;
    let folded = "";
    for (let i = 0; i < text.length;) {
      const width = (text.charCodeAt(i) & 0xfc00) === 0xd800 ? 2 : 1;
      const piece = fold(width === 1 ? text[i] : text.slice(i, i + 2));
      if (length + piece.length + 1 > origin.length) {
        const larger = new Int32Array(origin.length * 2);
        larger.set(origin);
        origin = larger;
      }
      for (let k = 0; k < piece.length; k++) { origin[length++] = i; }
      folded += piece;
      i += width;
    }
    parts.push(folded, "\n");
    origin[length++] = text.length;
  });
  return { text: parts.join(""), starts, origin };
}

/** Puts each range of the cue's text in a mark; none: the plain text again. */
function paint(cue, text, ranges) {
  if (!ranges) { cue.textContent = text; return; }
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const [start, end] of ranges) {
    if (start < last) { continue; } // a folded letter (œ → oe) can hold the end of one hit and the start of the next
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    fragment.append(text.slice(last, start), mark);
    last = end;
  }
  fragment.append(text.slice(last));
  cue.replaceChildren(fragment);
}

/**
 * Search inside the transcript, accents and case aside. A keystroke repaints only the cues whose marks
 * change; the folded text is built once, when the field is first used.
 */
const PAINTED_PER_FRAME = 100;

function search(section, cues, reveal) {
  const form = section.querySelector(".transcript-search");
  const input = form.querySelector("input"), output = form.querySelector("output");
  const texts = cues.map((cue) => cue.textContent);
  const labels = section.dataset, language = document.documentElement.lang;
  let index = null, painted = new Map(), current = new Map(), hits = [], at = -1, pending = 0;
  const indexed = () => {
    if (!index) {
      const begun = performance.now();
      index = foldedIndex(texts);
      performance.measure("transcript-index", { start: begun });
    }
    return index;
  };

  function find(query) {
    if (at >= 0) { markOf(hits[at])?.classList.remove("current"); }
    const folded = Array.from(query.trim().replace(/\s+/g, " "), fold).join("");
    const { text, starts, origin } = indexed();
    const ranges = new Map();
    hits = [];
    for (let p = folded.length < 2 ? -1 : text.indexOf(folded); p >= 0; p = text.indexOf(folded, p + folded.length)) {
      const cue = lastAtOrBefore(starts, p), last = origin[p + folded.length - 1];
      const end = last + (texts[cue].codePointAt(last) > 0xffff ? 2 : 1);
      if (!ranges.has(cue)) { ranges.set(cue, []); }
      hits.push({ cue, nth: ranges.get(cue).push([origin[p], end]) - 1 });
    }
    const keys = new Map(Array.from(ranges, ([cue, list]) => [cue, list.join(";")]));
    const changes = [];
    keys.forEach((key, cue) => { if (painted.get(cue) !== key) { changes.push([cue, key]); } });
    painted.forEach((key, cue) => { if (!keys.has(cue)) { changes.push([cue, null]); } });
    current = ranges;
    repaint(changes);
    output.textContent = folded.length < 2 ? "" : hits.length === 0 ? labels.resultsNone
      : hits.length === 1 ? labels.resultsOne : labels.resultsMany.replace("{0}", hits.length.toLocaleString(language));
    at = -1;
    step(1);
  }

  function step(by) {
    if (hits.length === 0) { return; }
    if (at >= 0) { markOf(hits[at])?.classList.remove("current"); }
    at = (at + by + hits.length) % hits.length;
    const mark = markOf(hits[at]);
    if (mark) { // a hit that overlaps the one before it in a folded letter has no mark of its own
      mark.classList.add("current");
      reveal(mark);
    }
  }

  /**
   * A short query marks a hit in nearly every cue: the first cues are painted at once (the first hit
   * among them), the rest a slice per frame, so that a keystroke never holds the page for long.
   */
  function repaint(changes) {
    cancelAnimationFrame(pending);
    const slice = (from) => {
      changes.slice(from, from + PAINTED_PER_FRAME).forEach(([cue, key]) => paintNow(cue, key));
      if (from + PAINTED_PER_FRAME < changes.length) {
        pending = requestAnimationFrame(() => slice(from + PAINTED_PER_FRAME));
      }
    };
    slice(0);
  }

  /** {@code painted} says what each cue shows, also when a newer keystroke cut a repaint short. */
  function paintNow(cue, key) {
    if ((painted.get(cue) ?? null) === key) { return; } // painted already, by markOf before its turn
    paint(cues[cue], texts[cue], key === null ? null : current.get(cue));
    if (key === null) { painted.delete(cue); } else { painted.set(cue, key); }
  }

  const markOf = (hit) => {
    if (painted.get(hit.cue) !== current.get(hit.cue).join(";")) { paintNow(hit.cue, current.get(hit.cue).join(";")); }
    return cues[hit.cue].getElementsByTagName("mark")[hit.nth];
  };

  form.hidden = false;
  form.addEventListener("submit", (event) => event.preventDefault());
  (window.requestIdleCallback || setTimeout)(indexed); // ready before the reader types
  input.addEventListener("input", () => find(input.value));
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); step(event.shiftKey ? -1 : 1); }
  });
  form.querySelectorAll("button[data-step]").forEach((button) =>
    button.addEventListener("click", () => step(parseInt(button.dataset.step, 10))));
}
