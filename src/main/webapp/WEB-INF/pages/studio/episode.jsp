<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="show.newEpisode" var="newEpisode"/><c:set var="pageTitle" value="${empty episode ? newEpisode : episode.title()}"/>
<%@ include file="parts/head.jspf" %>
<p class="crumbs"><a href="/studio"><fmt:message key="nav.shows"/></a> › <a href="/studio/shows/${show.slug()}"><c:out value="${show.title()}"/></a> ›</p>
<c:choose>
<c:when test="${empty episode}"><h1><fmt:message key="show.newEpisode"/></h1></c:when>
<c:otherwise>
<div class="title-row"><h1><c:out value="${episode.title()}"/></h1><a class="button" href="/studio/shows/${show.slug()}/statistics?episode=${episode.slug()}"><fmt:message key="stats.title"/></a><a class="button primary" href="/studio/shows/${show.slug()}/episodes/${episode.slug()}/chapters"><fmt:message key="show.markChapters"/></a></div>
<section class="card" aria-labelledby="publish-heading" id="publishing" data-url="/api/podcasts/${show.slug()}/episodes/${episode.slug()}" data-status="${episode.status()}">
<h2 id="publish-heading"><fmt:message key="episode.publishing"/></h2>
<p><fmt:message key="episode.status"/> <strong class="status status-${episode.status()}" id="episode-status"><fmt:message key="status.${episode.status()}"/></strong><c:if test="${not empty episode.when()}"> · <time datetime="${episode.when()}" data-local>${episode.when()}</time></c:if>
 · <fmt:message key="episode.tags"/> <span class="tagging tagging-${episode.tagging()}" id="episode-tagging"><fmt:message key="tagging.${episode.tagging()}"/></span><c:if test="${not empty episode.tagError()}"> (<c:out value="${episode.tagError()}"/>)</c:if></p>
<p class="form-error" role="alert" hidden></p>
<div class="publish-actions">
<c:if test="${episode.status() ne 'published'}"><button type="button" class="primary" data-publish="now"><fmt:message key="episode.publishNow"/></button></c:if>
<label><fmt:message key="${episode.status() eq 'draft' ? 'episode.scheduleFor' : 'episode.rescheduleFor'}"/> <input type="datetime-local" id="schedule-at"></label> <button type="button" data-publish="schedule"><fmt:message key="${episode.status() eq 'draft' ? 'episode.schedule' : 'episode.reschedule'}"/></button>
<c:if test="${episode.status() ne 'draft'}"><button type="button" data-publish="unpublish"><fmt:message key="${episode.status() eq 'published' ? 'episode.unpublish' : 'episode.unschedule'}"/></button></c:if>
</div>
<div id="publish-confirm" class="conflict" role="alertdialog" aria-labelledby="publish-confirm-text" hidden>
<p id="publish-confirm-text"></p>
<button type="button" id="publish-confirm-yes" class="primary"></button>
<button type="button" id="publish-confirm-no"><fmt:message key="episode.keepPublished"/></button>
</div>
<span class="form-status" role="status"></span>
</section>
</c:otherwise>
</c:choose>
<form id="episode-form" class="card api-form" novalidate data-podcast="${show.slug()}" data-max-bytes="${maxUploadBytes}"
      data-create="/api/podcasts/${show.slug()}/episodes" data-update="/api/podcasts/${show.slug()}/episodes/${episode.slug()}"
      data-etag="${fn:escapeXml(etag)}" data-after="/studio/shows/${show.slug()}/episodes/{slug}">
<h2><fmt:message key="${empty episode ? 'episode.the' : 'episode.details'}"/></h2>
<p class="form-error" role="alert" hidden></p>
<div class="field wide upload">
<label for="f-audio"><fmt:message key="${empty episode ? 'episode.mp3' : 'episode.replaceMp3'}"/></label>
<input type="file" id="f-audio" name="audio" accept="audio/mpeg,.mp3" ${empty episode ? 'required' : ''}>
<p class="field-error" data-error-for="audio" role="alert"></p>
<div class="progress" hidden><progress id="upload-progress" max="100" value="0"></progress> <output id="upload-percent">0 %</output> <output id="upload-rate"></output></div>
<c:if test="${not empty episode}"><button type="button" id="replace-audio"><fmt:message key="episode.uploadNew"/></button>
<div id="drop-chapters" class="conflict" role="alertdialog" aria-labelledby="drop-chapters-text" hidden>
<p id="drop-chapters-text"><fmt:message key="episode.dropChapters"/></p>
<button type="button" id="drop-chapters-yes" class="primary"><fmt:message key="episode.dropYes"/></button>
<button type="button" id="drop-chapters-no"><fmt:message key="episode.dropNo"/></button>
</div></c:if>
</div>
<div class="grid">
<div class="field"><label for="f-title"><fmt:message key="field.title"/></label><input id="f-title" name="title" maxlength="255" required><p class="field-error" data-error-for="title"></p></div>
<div class="field"><label for="f-slug"><fmt:message key="field.slug"/></label><input id="f-slug" name="slug" pattern="${slugPattern}" placeholder="<fmt:message key='field.slugPlaceholder'/>"<c:if test="${not empty episode}"> aria-describedby="f-slug-note"</c:if>><p class="field-error" data-error-for="slug"></p>
<c:if test="${not empty episode}"><p class="muted" id="f-slug-note"><fmt:message key="episode.slugNote"/></p></c:if></div>
<div class="field wide"><label for="f-description"><fmt:message key="episode.notes"/></label><textarea id="f-description" name="description" rows="8"></textarea><p class="field-error" data-error-for="description"></p></div>
<div class="field"><label for="f-season"><fmt:message key="episode.season"/></label><input id="f-season" name="season" type="number" min="1" data-kind="int"><p class="field-error" data-error-for="season"></p></div>
<div class="field"><label for="f-number"><fmt:message key="episode.number"/></label><input id="f-number" name="number" type="number" min="1" data-kind="int"><p class="field-error" data-error-for="number"></p></div>
<div class="field"><label for="f-type"><fmt:message key="field.type"/></label><select id="f-type" name="type"><option value="full"><fmt:message key="episode.full"/></option><option value="trailer"><fmt:message key="episode.trailer"/></option><option value="bonus"><fmt:message key="episode.bonus"/></option></select><p class="field-error" data-error-for="type"></p></div>
<div class="field"><label for="f-image"><fmt:message key="episode.image"/></label><input id="f-image" name="image" type="url" placeholder="https://"><p class="field-error" data-error-for="image"></p></div>
<div class="field"><label for="f-explicit"><fmt:message key="field.explicit"/></label><select id="f-explicit" name="explicit" data-kind="tristate"><option value=""><fmt:message key="episode.asShow"/></option><option value="true"><fmt:message key="yes"/></option><option value="false"><fmt:message key="no"/></option></select><p class="field-error" data-error-for="explicit"></p></div>
</div>
<%@ include file="parts/persons.jspf" %>
<button type="submit" class="primary"><fmt:message key="${empty episode ? 'episode.create' : 'save'}"/></button> <span class="form-status" role="status"></span>
</form>
<c:if test="${not empty episode}">
<form id="transcript-form" class="card api-form" novalidate data-api="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/transcript"
      data-chapters="/studio/shows/${show.slug()}/episodes/${episode.slug()}/chapters" aria-labelledby="transcript-heading">
<h2 id="transcript-heading"><fmt:message key="transcript.title"/></h2>
<p class="form-error" role="alert" hidden></p>
<p class="empty" id="no-transcript"><fmt:message key="transcript.none"/></p>
<div id="transcript-summary" hidden></div>
<div class="grid">
<div class="field"><label for="t-file" id="t-file-label"><fmt:message key="transcript.file"/></label><input type="file" id="t-file" name="file"><p class="field-error" data-error-for="file" role="alert"></p></div>
<div class="field"><label for="t-language"><fmt:message key="field.language"/></label><input id="t-language" name="language" value="${fn:escapeXml(show.language())}" data-show-language="${fn:escapeXml(show.language())}" spellcheck="false"><p class="field-error" data-error-for="language"></p></div>
</div>
<button type="submit" class="primary" id="transcript-upload"><fmt:message key="transcript.upload"/></button>
<button type="button" id="transcript-delete" hidden><fmt:message key="transcript.delete"/></button>
<span class="form-status" role="status"></span>
<div id="transcript-confirm" class="conflict" role="alertdialog" aria-labelledby="transcript-confirm-text" hidden>
<p id="transcript-confirm-text"><fmt:message key="transcript.confirm"/></p>
<button type="button" id="transcript-delete-yes" class="primary"><fmt:message key="deleteIt"/></button>
<button type="button" id="transcript-delete-no"><fmt:message key="keepIt"/></button>
</div>
<div id="transcript-conflict" class="conflict" role="alertdialog" aria-labelledby="transcript-conflict-text" hidden>
<p id="transcript-conflict-text"><fmt:message key="transcript.conflict"/></p>
<button type="button" id="transcript-reload"><fmt:message key="transcript.reload"/></button>
</div>
</form>
<section class="card" aria-labelledby="embed-heading">
<h2 id="embed-heading"><fmt:message key="embed.title"/></h2>
<p class="muted"><fmt:message key="embed.note"/></p>
<%-- the title escaped twice: once for the iframe's attribute in the producer's page, once for this textarea --%>
<textarea id="embed-snippet" rows="3" readonly spellcheck="false"><iframe src="${fn:escapeXml(base)}/embed/${show.slug()}/${episode.slug()}" title="<c:out value="${fn:escapeXml(episode.title())}"/>" width="100%" height="380" style="border:0;border-radius:8px" loading="lazy"></iframe></textarea>
</section>
<section class="card deletion" aria-labelledby="delete-heading" data-kind="episode" data-title="${fn:escapeXml(episode.title())}"
         data-url="/api/podcasts/${show.slug()}/episodes/${episode.slug()}" data-after="/studio/shows/${show.slug()}"
         data-ratings="/api/podcasts/${show.slug()}/ratings?episode=${episode.slug()}" data-stats="/api/podcasts/${show.slug()}/episodes/${episode.slug()}/stats"
         data-chapters="${episode.chapterCount()}" data-transcript="${episode.hasTranscript()}">
<h2 id="delete-heading"><fmt:message key="episode.delete"/></h2>
<p class="form-error" role="alert" hidden></p>
<button type="button" data-delete-start><fmt:message key="episode.deleteStart"/></button>
<div class="conflict" role="alertdialog" aria-labelledby="delete-text" hidden>
<p id="delete-text"></p>
<button type="button" data-delete-yes class="primary"><fmt:message key="episode.deleteYes"/></button>
<button type="button" data-delete-no><fmt:message key="episode.keep"/></button>
</div>
</section>
</c:if>
<%@ include file="parts/foot.jspf" %>
