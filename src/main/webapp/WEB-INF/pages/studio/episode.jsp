<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="${empty episode ? 'New episode' : episode.title()}"/>
<%@ include file="parts/head.jspf" %>
<p class="crumbs"><a href="/studio">Shows</a> › <a href="/studio/shows/${show.slug()}"><c:out value="${show.title()}"/></a> ›</p>
<c:choose>
<c:when test="${empty episode}"><h1>New episode</h1></c:when>
<c:otherwise>
<div class="title-row"><h1><c:out value="${episode.title()}"/></h1><a class="button" href="/studio/shows/${show.slug()}/statistics?episode=${episode.slug()}">Statistics</a><a class="button primary" href="/studio/shows/${show.slug()}/episodes/${episode.slug()}/chapters">Mark chapters</a></div>
<section class="card" aria-labelledby="publish-heading" id="publishing" data-url="/api/podcasts/${show.slug()}/episodes/${episode.slug()}" data-status="${episode.status()}">
<h2 id="publish-heading">Publishing</h2>
<p>Status: <strong class="status status-${episode.status()}" id="episode-status">${episode.status()}</strong><c:if test="${not empty episode.when()}"> · <time datetime="${episode.when()}" data-local>${episode.when()}</time></c:if>
 · MP3 tags: <span class="tagging tagging-${episode.tagging()}" id="episode-tagging">${episode.tagging()}</span><c:if test="${not empty episode.tagError()}"> (<c:out value="${episode.tagError()}"/>)</c:if></p>
<p class="form-error" role="alert" hidden></p>
<div class="publish-actions">
<c:if test="${episode.status() ne 'published'}"><button type="button" class="primary" data-publish="now">Publish now</button></c:if>
<label>${episode.status() eq 'draft' ? 'Schedule for' : 'Reschedule for'} <input type="datetime-local" id="schedule-at"></label> <button type="button" data-publish="schedule">${episode.status() eq 'draft' ? 'Schedule' : 'Reschedule'}</button>
<c:if test="${episode.status() ne 'draft'}"><button type="button" data-publish="unpublish">${episode.status() eq 'published' ? 'Unpublish (back to draft)' : 'Cancel the schedule (back to draft)'}</button></c:if>
</div>
<div id="publish-confirm" class="conflict" role="alertdialog" aria-labelledby="publish-confirm-text" hidden>
<p id="publish-confirm-text"></p>
<button type="button" id="publish-confirm-yes" class="primary"></button>
<button type="button" id="publish-confirm-no">Keep it published</button>
</div>
<span class="form-status" role="status"></span>
</section>
</c:otherwise>
</c:choose>
<form id="episode-form" class="card api-form" novalidate data-podcast="${show.slug()}" data-max-bytes="${maxUploadBytes}"
      data-create="/api/podcasts/${show.slug()}/episodes" data-update="/api/podcasts/${show.slug()}/episodes/${episode.slug()}"
      data-etag="${fn:escapeXml(etag)}" data-after="/studio/shows/${show.slug()}/episodes/{slug}">
<h2>${empty episode ? 'The episode' : 'Episode details'}</h2>
<p class="form-error" role="alert" hidden></p>
<div class="field wide upload">
<label for="f-audio">${empty episode ? 'MP3 file' : 'Replace the MP3 (chapters are kept if they fit)'}</label>
<input type="file" id="f-audio" name="audio" accept="audio/mpeg,.mp3" ${empty episode ? 'required' : ''}>
<p class="field-error" data-error-for="audio" role="alert"></p>
<div class="progress" hidden><progress id="upload-progress" max="100" value="0"></progress> <output id="upload-percent">0 %</output> <output id="upload-rate"></output></div>
<c:if test="${not empty episode}"><button type="button" id="replace-audio">Upload the new MP3</button>
<div id="drop-chapters" class="conflict" role="alertdialog" aria-labelledby="drop-chapters-text" hidden>
<p id="drop-chapters-text">The new MP3 is shorter than the chapters listed above: listeners still get the old audio. Drop those chapters (with their images) and use the new MP3?</p>
<button type="button" id="drop-chapters-yes" class="primary">Drop them and replace the audio</button>
<button type="button" id="drop-chapters-no">Keep the old audio</button>
</div></c:if>
</div>
<div class="grid">
<div class="field"><label for="f-title">Title</label><input id="f-title" name="title" maxlength="255" required><p class="field-error" data-error-for="title"></p></div>
<div class="field"><label for="f-slug">Address (slug)</label><input id="f-slug" name="slug" pattern="${slugPattern}" placeholder="from the title"<c:if test="${not empty episode}"> aria-describedby="f-slug-note"</c:if>><p class="field-error" data-error-for="slug"></p>
<c:if test="${not empty episode}"><p class="muted" id="f-slug-note">If you change it, the old addresses (page, MP3, chapters, transcript, embedded player) keep working: they redirect to the new ones.</p></c:if></div>
<div class="field wide"><label for="f-description">Show notes (HTML allowed; timestamps like 12:34 can become chapters)</label><textarea id="f-description" name="description" rows="8"></textarea><p class="field-error" data-error-for="description"></p></div>
<div class="field"><label for="f-season">Season</label><input id="f-season" name="season" type="number" min="1" data-kind="int"><p class="field-error" data-error-for="season"></p></div>
<div class="field"><label for="f-number">Episode number</label><input id="f-number" name="number" type="number" min="1" data-kind="int"><p class="field-error" data-error-for="number"></p></div>
<div class="field"><label for="f-type">Type</label><select id="f-type" name="type"><option value="full">Full episode</option><option value="trailer">Trailer</option><option value="bonus">Bonus</option></select><p class="field-error" data-error-for="type"></p></div>
<div class="field"><label for="f-image">Episode image URL (optional)</label><input id="f-image" name="image" type="url" placeholder="https://"><p class="field-error" data-error-for="image"></p></div>
<div class="field"><label for="f-explicit">Explicit content</label><select id="f-explicit" name="explicit" data-kind="tristate"><option value="">As the show</option><option value="true">Yes</option><option value="false">No</option></select><p class="field-error" data-error-for="explicit"></p></div>
</div>
<%@ include file="parts/persons.jspf" %>
<button type="submit" class="primary">${empty episode ? 'Upload and create (draft)' : 'Save'}</button> <span class="form-status" role="status"></span>
</form>
<c:if test="${not empty episode}">
<form id="transcript-form" class="card api-form" novalidate data-api="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/transcript"
      data-chapters="/studio/shows/${show.slug()}/episodes/${episode.slug()}/chapters" aria-labelledby="transcript-heading">
<h2 id="transcript-heading">Transcript</h2>
<p class="form-error" role="alert" hidden></p>
<p class="empty" id="no-transcript">No transcript yet. Upload the file your transcription tool exported: WebVTT, SRT, Podcasting 2.0 JSON or timestamped text (<code>[00:01:02] Speaker: text</code>); its content decides the format, whatever its name.</p>
<div id="transcript-summary" hidden></div>
<div class="grid">
<div class="field"><label for="t-file" id="t-file-label">Transcript file</label><input type="file" id="t-file" name="file"><p class="field-error" data-error-for="file" role="alert"></p></div>
<div class="field"><label for="t-language">Language</label><input id="t-language" name="language" value="${fn:escapeXml(show.language())}" data-show-language="${fn:escapeXml(show.language())}" spellcheck="false"><p class="field-error" data-error-for="language"></p></div>
</div>
<button type="submit" class="primary" id="transcript-upload">Upload the transcript</button>
<button type="button" id="transcript-delete" hidden>Delete the transcript</button>
<span class="form-status" role="status"></span>
<div id="transcript-confirm" class="conflict" role="alertdialog" aria-labelledby="transcript-confirm-text" hidden>
<p id="transcript-confirm-text">Delete this transcript? Listeners and podcast apps lose it at once (its public files and the feed’s links).</p>
<button type="button" id="transcript-delete-yes" class="primary">Delete it</button>
<button type="button" id="transcript-delete-no">Keep it</button>
</div>
<div id="transcript-conflict" class="conflict" role="alertdialog" aria-labelledby="transcript-conflict-text" hidden>
<p id="transcript-conflict-text">Someone else changed this transcript since you opened the page. Nothing was changed; your file is still chosen.</p>
<button type="button" id="transcript-reload">Load their version</button>
</div>
</form>
<section class="card" aria-labelledby="embed-heading">
<h2 id="embed-heading">Embed the player on your site</h2>
<p class="muted">Paste this where the player should appear: the episode with its chapters, which listeners click to jump to. Add <code>?theme=dark</code> (or <code>light</code>) to the address to choose its colours; without it, the reader's system decides. It plays once the episode is published, and keeps playing if you change the address of the show or the episode.</p>
<%-- the title escaped twice: once for the iframe's attribute in the producer's page, once for this textarea --%>
<textarea id="embed-snippet" rows="3" readonly spellcheck="false"><iframe src="${fn:escapeXml(base)}/embed/${show.slug()}/${episode.slug()}" title="<c:out value="${fn:escapeXml(episode.title())}"/>" width="100%" height="380" style="border:0;border-radius:8px" loading="lazy"></iframe></textarea>
</section>
<section class="card deletion" aria-labelledby="delete-heading" data-kind="episode" data-title="${fn:escapeXml(episode.title())}"
         data-url="/api/podcasts/${show.slug()}/episodes/${episode.slug()}" data-after="/studio/shows/${show.slug()}"
         data-ratings="/api/podcasts/${show.slug()}/ratings?episode=${episode.slug()}" data-stats="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/stats"
         data-chapters="${episode.chapterCount()}" data-transcript="${episode.hasTranscript()}">
<h2 id="delete-heading">Delete this episode</h2>
<p class="form-error" role="alert" hidden></p>
<button type="button" data-delete-start>Delete the episode…</button>
<div class="conflict" role="alertdialog" aria-labelledby="delete-text" hidden>
<p id="delete-text"></p>
<button type="button" data-delete-yes class="primary">Delete it for good</button>
<button type="button" data-delete-no>Keep it</button>
</div>
</section>
</c:if>
<%@ include file="parts/foot.jspf" %>
