<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="show.chapters" var="chaptersTitle"/><c:set var="pageTitle" value="${chaptersTitle} · ${episode.title()}"/>
<%@ include file="parts/head.jspf" %>
<p class="crumbs"><a href="/studio"><fmt:message key="nav.shows"/></a> › <a href="/studio/shows/${show.slug()}"><c:out value="${show.title()}"/></a> ›
<a href="/studio/shows/${show.slug()}/episodes/${episode.slug()}"><c:out value="${episode.title()}"/></a> ›</p>
<h1><fmt:message key="show.chapters"/></h1>
<div id="editor" data-api="/api/podcasts/${show.slug()}/episodes/${episode.slug()}">
<div class="listen">
<section class="card player-panel" aria-label="<fmt:message key='editor.player'/>">
<audio id="player" preload="metadata" controls></audio>
<div class="transport">
<button type="button" data-skip="-30" title="<fmt:message key='editor.back30'/>">−30 s</button>
<button type="button" data-skip="-5" title="<fmt:message key='editor.back5'/>">−5 s</button>
<button type="button" id="play" class="primary" aria-label="<fmt:message key='editor.play'/>"><fmt:message key="editor.play"/></button>
<button type="button" data-skip="5" title="<fmt:message key='editor.forward5'/>">+5 s</button>
<button type="button" data-skip="30" title="<fmt:message key='editor.forward30'/>">+30 s</button>
<label><fmt:message key="editor.speed"/> <select id="speed"><option>0.5</option><option>0.75</option><option selected>1</option><option>1.25</option><option>1.5</option><option>2</option></select></label>
<output id="clock" aria-live="off">00:00:00.000</output> <span class="muted">/ <span id="length">00:00:00.000</span></span>
</div>
<p><button type="button" id="mark" class="primary mark"><fmt:message key="editor.mark"/></button>
<span class="hint"><fmt:message key="editor.markHint"/></span></p>
</section>
<section class="card transcript-panel" id="transcript-panel" aria-labelledby="transcript-heading" hidden>
<h2 id="transcript-heading"><fmt:message key="transcript.title"/> <span class="muted cue-count"></span></h2>
<p class="hint"><fmt:message key="editor.transcriptHint"/></p>
<label class="filter"><fmt:message key="editor.find"/> <input type="search" id="cue-filter" placeholder="<fmt:message key='editor.findPlaceholder'/>" spellcheck="false"></label>
<ol class="cues" aria-label="<fmt:message key='editor.sentences'/>"></ol>
</section>
</div>
<section class="card waveform-panel" id="waveform-panel" aria-labelledby="waveform-heading">
<h2 id="waveform-heading"><fmt:message key="editor.waveform"/></h2>
<div class="waveform-tools">
<button type="button" id="zoom-out" title="<fmt:message key='editor.zoomOut'/>">−</button>
<button type="button" id="zoom-in" title="<fmt:message key='editor.zoomIn'/>">+</button>
<button type="button" id="zoom-fit"><fmt:message key="editor.zoomFit"/></button>
<span class="form-status" role="status" id="waveform-status"><fmt:message key="editor.waveformLoading"/></span>
</div>
<div class="waveform-scroll"><canvas id="waveform" aria-label="<fmt:message key='editor.waveformLabel'/>"></canvas><div class="waveform-spacer"></div></div>
<p class="hint"><fmt:message key="editor.waveformHint"/></p>
<p class="form-status" role="status" id="snap-status"></p>
<p><button type="button" id="suggest-chapters"><fmt:message key="editor.suggestChapters"/></button> <span class="form-status" role="status" id="suggest-chapters-status"></span></p>
<ol id="suggestions" class="suggestions" aria-label="<fmt:message key='editor.suggested'/>" hidden></ol>
</section>
<section class="card" aria-labelledby="rows-heading">
<h2 id="rows-heading"><fmt:message key="show.chapters"/> <span class="muted" id="chapter-count"></span></h2>
<p class="empty" id="no-chapters" hidden><fmt:message key="editor.noChapters"/></p>
<p class="suggest-row"><button type="button" id="suggest-titles" hidden><fmt:message key="editor.suggestTitles"/></button> <span class="form-status" role="status" id="suggest-status"></span></p>
<ol id="chapter-rows" class="chapter-rows"></ol>
<p class="form-error" role="alert" id="editor-error" hidden></p>
<div class="save-row">
<button type="button" id="save" class="primary"><fmt:message key="editor.save"/></button>
<span class="form-status" role="status" id="save-status"></span>
</div>
<div id="conflict" class="conflict" role="alertdialog" aria-labelledby="conflict-text" hidden>
<p id="conflict-text"><fmt:message key="editor.conflict"/></p>
<button type="button" id="reload"><fmt:message key="editor.reload"/></button>
<button type="button" id="keep"><fmt:message key="editor.keep"/></button>
</div>
</section>
<section class="card checks-panel" aria-labelledby="checks-heading">
<h2 id="checks-heading"><fmt:message key="editor.checks"/></h2>
<p class="hint"><fmt:message key="editor.checksHint"/></p>
<ul id="checks" class="checks"></ul>
</section>
<section class="card" aria-labelledby="import-heading" id="import">
<h2 id="import-heading"><fmt:message key="editor.import"/></h2>
<div class="grid">
<div class="field"><label for="import-format"><fmt:message key="editor.importFrom"/></label>
<select id="import-format">
<option value="youtube"><fmt:message key="format.youtube"/></option>
<option value="mp4chaps"><fmt:message key="format.mp4chaps"/></option>
<option value="audacity"><fmt:message key="format.audacity"/></option>
<option value="json"><fmt:message key="format.json"/></option>
<option value="shownotes"><fmt:message key="format.shownotes"/></option>
</select></div>
<div class="field"><label for="import-file"><fmt:message key="editor.importFile"/></label><input type="file" id="import-file" accept=".txt,.json,.csv,text/plain,application/json"></div>
<div class="field wide"><label for="import-text"><fmt:message key="editor.importText"/></label><textarea id="import-text" rows="6" spellcheck="false"></textarea></div>
</div>
<button type="button" id="preview"><fmt:message key="import.preview"/></button>
<p class="form-error" role="alert" id="import-error" hidden></p>
<div id="import-preview" hidden>
<h3><fmt:message key="editor.previewOf"/> <span id="preview-count"></span></h3>
<ol class="preview-list" id="preview-list"></ol>
<button type="button" id="apply-import" class="primary"><fmt:message key="editor.applyImport"/></button>
<button type="button" id="cancel-import"><fmt:message key="cancel"/></button>
<p class="hint"><fmt:message key="editor.nothingSaved"/></p>
</div>
</section>
<section class="card" aria-labelledby="export-heading">
<h2 id="export-heading"><fmt:message key="editor.export"/></h2>
<ul class="exports">
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=mp4chaps" download><fmt:message key="export.mp4chaps"/></a></li>
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=youtube" download><fmt:message key="export.youtube"/></a></li>
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=audacity" download><fmt:message key="export.audacity"/></a></li>
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=json" download><fmt:message key="format.json"/></a></li>
<li><a href="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/chapters/export?format=shownotes" download><fmt:message key="export.shownotes"/></a></li>
</ul>
</section>
</div>
<%@ include file="parts/foot.jspf" %>
