<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Chapters · ${episode.title()}"/>
<%@ include file="parts/head.jspf" %>
<p class="crumbs"><a href="/studio">Shows</a> › <a href="/studio/shows/${show.slug()}"><c:out value="${show.title()}"/></a> ›
<a href="/studio/shows/${show.slug()}/episodes/${episode.slug()}"><c:out value="${episode.title()}"/></a> ›</p>
<h1>Chapters</h1>
<div id="editor" data-api="/api/podcasts/${show.slug()}/episodes/${episode.slug()}">
<div class="listen">
<section class="card player-panel" aria-label="Player">
<audio id="player" preload="metadata" controls></audio>
<div class="transport">
<button type="button" data-skip="-30" title="Back 30 seconds">−30 s</button>
<button type="button" data-skip="-5" title="Back 5 seconds">−5 s</button>
<button type="button" id="play" class="primary" aria-label="Play">Play</button>
<button type="button" data-skip="5" title="Forward 5 seconds">+5 s</button>
<button type="button" data-skip="30" title="Forward 30 seconds">+30 s</button>
<label>Speed <select id="speed"><option>0.5</option><option>0.75</option><option selected>1</option><option>1.25</option><option>1.5</option><option>2</option></select></label>
<output id="clock" aria-live="off">00:00:00.000</output> <span class="muted">/ <span id="length">00:00:00.000</span></span>
</div>
<p><button type="button" id="mark" class="primary mark">Mark chapter <kbd>M</kbd></button>
<span class="hint">Press <kbd>M</kbd> while listening; type the title, then <kbd>Enter</kbd> to go on listening. <kbd>Space</kbd> plays or pauses.</span></p>
</section>
<section class="card transcript-panel" id="transcript-panel" aria-labelledby="transcript-heading" hidden>
<h2 id="transcript-heading">Transcript <span class="muted cue-count"></span></h2>
<p class="hint">Click a sentence to play from there; <strong>+</strong> adds a chapter at its start (then type its title). The sentence you hear is highlighted.</p>
<label class="filter">Find <input type="search" id="cue-filter" placeholder="a word or a speaker" spellcheck="false"></label>
<ol class="cues" aria-label="Sentences"></ol>
</section>
</div>
<section class="card waveform-panel" id="waveform-panel" aria-labelledby="waveform-heading">
<h2 id="waveform-heading">Waveform</h2>
<div class="waveform-tools">
<button type="button" id="zoom-out" title="Zoom out">−</button>
<button type="button" id="zoom-in" title="Zoom in (down to 10 ms per pixel)">+</button>
<button type="button" id="zoom-fit">Whole episode</button>
<span class="form-status" role="status" id="waveform-status">Loading the waveform…</span>
</div>
<div class="waveform-scroll"><canvas id="waveform" aria-label="Waveform of the episode: click to play from there, drag a chapter's handle to move it"></canvas><div class="waveform-spacer"></div></div>
<p class="hint">Click to play from there; drag a chapter's numbered handle to move it; <kbd>Ctrl</kbd>+wheel zooms. Pauses are shaded: a mark (<kbd>M</kbd> or a handle) snaps to the nearest one within 1.5 s; hold <kbd>Shift</kbd> to place it freely.</p>
<p class="form-status" role="status" id="snap-status"></p>
<p><button type="button" id="suggest-chapters">Suggest chapters at the longest pauses</button> <span class="form-status" role="status" id="suggest-chapters-status"></span></p>
<ol id="suggestions" class="suggestions" aria-label="Suggested chapters" hidden></ol>
</section>
<section class="card" aria-labelledby="rows-heading">
<h2 id="rows-heading">Chapters <span class="muted" id="chapter-count"></span></h2>
<p class="empty" id="no-chapters" hidden>No chapter yet: play the episode and press <kbd>M</kbd>, or import a list below.</p>
<p class="suggest-row"><button type="button" id="suggest-titles" hidden>Suggest titles from the transcript</button> <span class="form-status" role="status" id="suggest-status"></span></p>
<ol id="chapter-rows" class="chapter-rows"></ol>
<p class="form-error" role="alert" id="editor-error" hidden></p>
<div class="save-row">
<button type="button" id="save" class="primary">Save chapters</button>
<span class="form-status" role="status" id="save-status"></span>
</div>
<div id="conflict" class="conflict" role="alertdialog" aria-labelledby="conflict-text" hidden>
<p id="conflict-text">Someone else changed these chapters since you opened them. Your version was not saved.</p>
<button type="button" id="reload">Load their version (discard mine)</button>
<button type="button" id="keep">Keep editing mine</button>
</div>
</section>
<section class="card checks-panel" aria-labelledby="checks-heading">
<h2 id="checks-heading">What apps will make of these chapters</h2>
<p class="hint">Warnings only, checked as you mark: you can always save.</p>
<ul id="checks" class="checks"></ul>
</section>
<section class="card" aria-labelledby="import-heading" id="import">
<h2 id="import-heading">Import</h2>
<div class="grid">
<div class="field"><label for="import-format">From</label>
<select id="import-format">
<option value="youtube">YouTube-style timestamps (0:00 Intro)</option>
<option value="mp4chaps">mp4chaps / Podlove text (00:00:00.000 Title)</option>
<option value="audacity">Audacity labels (tab-separated seconds)</option>
<option value="json">Podcasting 2.0 JSON</option>
<option value="shownotes">Timestamps in this episode's show notes</option>
</select></div>
<div class="field"><label for="import-file">File (or paste below)</label><input type="file" id="import-file" accept=".txt,.json,.csv,text/plain,application/json"></div>
<div class="field wide"><label for="import-text">Text</label><textarea id="import-text" rows="6" spellcheck="false"></textarea></div>
</div>
<button type="button" id="preview">Preview</button>
<p class="form-error" role="alert" id="import-error" hidden></p>
<div id="import-preview" hidden>
<h3>Preview: <span id="preview-count"></span></h3>
<ol class="preview-list" id="preview-list"></ol>
<button type="button" id="apply-import" class="primary">Replace the chapters with these</button>
<button type="button" id="cancel-import">Cancel</button>
<p class="hint">Nothing is saved until you press “Save chapters”.</p>
</div>
</section>
<section class="card" aria-labelledby="export-heading">
<h2 id="export-heading">Export (saved chapters)</h2>
<ul class="exports">
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=mp4chaps" download>mp4chaps / Podlove text</a></li>
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=youtube" download>YouTube timestamps</a></li>
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=audacity" download>Audacity labels</a></li>
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=json" download>Podcasting 2.0 JSON</a></li>
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=shownotes" download>Show-notes list</a></li>
</ul>
</section>
</div>
<%@ include file="parts/foot.jspf" %>
