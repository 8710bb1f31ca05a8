<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Comments · ${show.title()}"/>
<%@ include file="parts/head.jspf" %>
<c:set var="api" value="/api/podcasts/${show.slug()}/comments"/>
<c:set var="here" value="/studio/shows/${show.slug()}/comments"/>
<p class="crumbs"><a href="/studio">Shows</a> › <a href="/studio/shows/${show.slug()}"><c:out value="${show.title()}"/></a> ›</p>
<h1>Listener comments</h1>
<nav class="tabs" aria-label="Comments by state">
<a href="${here}?state=awaiting"${state eq 'awaiting' ? ' aria-current="page"' : ''}>To review <span class="count" id="count-awaiting">${counts['awaiting']}</span></a>
<a href="${here}?state=published"${state eq 'published' ? ' aria-current="page"' : ''}>Published <span class="count">${counts['published']}</span></a>
<a href="${here}?state=hidden"${state eq 'hidden' ? ' aria-current="page"' : ''}>Hidden <span class="count">${counts['hidden']}</span></a>
</nav>
<section class="card" id="comments" data-api="${api}" aria-live="polite">
<p class="form-error" role="alert" hidden></p>
<c:choose><c:when test="${empty comments}"><p class="empty">${state eq 'awaiting' ? 'Nothing to review: every comment has been read.' : state eq 'published' ? 'No comment is published yet.' : 'No hidden comment.'}</p></c:when><c:otherwise>
<ol class="comment-queue">
<c:forEach var="c" items="${comments}"><li class="queued-comment" data-comment="${c.id()}">
<p class="comment-meta"><span class="stars" title="${c.stars()} of 5 stars">${'★★★★★'.substring(0, c.stars())}<span class="muted">${'☆☆☆☆☆'.substring(0, 5 - c.stars())}</span></span>
 · <c:choose><c:when test="${empty c.episodeSlug()}">the show</c:when><c:otherwise><a href="/studio/shows/${show.slug()}/episodes/${c.episodeSlug()}"><c:out value="${c.episodeTitle()}"/></a></c:otherwise></c:choose>
 · <time datetime="${c.updatedAt()}" data-local>${c.updatedAt()}</time><c:if test="${c.held()}"> · <span class="muted" title="This address sent more ratings than its daily allowance: the stars count once the comment is approved">stars held too</span></c:if></p>
<p class="comment-text"><c:out value="${c.text()}"/></p>
<p class="actions">
<c:if test="${state ne 'published'}"><button type="button" class="primary" data-decision="publish">Approve</button></c:if>
<c:if test="${state ne 'hidden'}"><button type="button" data-decision="hide">Hide</button></c:if>
<button type="button" data-decision="delete">Delete…</button>
</p>
</li></c:forEach>
</ol>
<c:if test="${pages > 1}"><nav class="pages" aria-label="Pages of comments">
<c:if test="${page > 1}"><a rel="prev" href="${here}?state=${state}&amp;page=${page - 1}">Newer</a></c:if>
<span>Page ${page} of ${pages}</span>
<c:if test="${page < pages}"><a rel="next" href="${here}?state=${state}&amp;page=${page + 1}">Older</a></c:if>
</nav></c:if>
</c:otherwise></c:choose>
<p class="muted">Approved comments appear on the public page of what was rated, newest first, as plain text. Hiding one takes it off the page and can be undone; deleting erases its words for good. Either way the stars still count.</p>
</section>
<form id="comment-policy" class="card api-form narrow" novalidate data-update="${api}/policy">
<h2>How comments are published</h2>
<p class="form-error" role="alert" hidden></p>
<div class="field checkbox"><input type="checkbox" id="p-publish" name="publishWithoutReview"${policy.publishWithoutReview() ? ' checked' : ''}>
<label for="p-publish">Publish comments without review</label></div>
<div class="field"><label for="p-words">…except those with one of these words (one per line; case and accents do not matter)</label>
<textarea id="p-words" name="heldWords" rows="5" spellcheck="false"><c:forEach var="w" items="${policy.heldWords()}"><c:out value="${w}"/>
</c:forEach></textarea><p class="field-error" data-error-for="heldWords"></p></div>
<p class="muted">New and changed comments follow this; those already waiting stay in the queue. Comments from an address that rated more than its daily allowance always wait.</p>
<button type="submit" class="primary">Save</button> <span class="form-status" role="status"></span>
</form>
<%@ include file="parts/foot.jspf" %>
