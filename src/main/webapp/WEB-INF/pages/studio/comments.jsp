<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="comments.title" var="commentsTitle"/><c:set var="pageTitle" value="${commentsTitle} · ${show.title()}"/>
<%@ include file="parts/head.jspf" %>
<c:set var="api" value="/api/podcasts/${show.slug()}/comments"/>
<c:set var="here" value="/studio/shows/${show.slug()}/comments"/>
<p class="crumbs"><a href="/studio"><fmt:message key="nav.shows"/></a> › <a href="/studio/shows/${show.slug()}"><c:out value="${show.title()}"/></a> ›</p>
<h1><fmt:message key="comments.title"/></h1>
<nav class="tabs" aria-label="<fmt:message key='comments.byState'/>">
<a href="${here}?state=awaiting"${state eq 'awaiting' ? ' aria-current="page"' : ''}><fmt:message key="comments.awaiting"/> <span class="count" id="count-awaiting">${counts['awaiting']}</span></a>
<a href="${here}?state=published"${state eq 'published' ? ' aria-current="page"' : ''}><fmt:message key="comments.published"/> <span class="count">${counts['published']}</span></a>
<a href="${here}?state=hidden"${state eq 'hidden' ? ' aria-current="page"' : ''}><fmt:message key="comments.hidden"/> <span class="count">${counts['hidden']}</span></a>
</nav>
<section class="card" id="comments" data-api="${api}" aria-live="polite">
<p class="form-error" role="alert" hidden></p>
<c:choose><c:when test="${empty comments}"><p class="empty"><fmt:message key="comments.none.${state}"/></p></c:when><c:otherwise>
<ol class="comment-queue">
<c:forEach var="c" items="${comments}"><li class="queued-comment" data-comment="${c.id()}">
<p class="comment-meta"><span class="stars" title="<fmt:message key='comments.stars'><fmt:param value='${c.stars()}'/></fmt:message>">${'★★★★★'.substring(0, c.stars())}<span class="muted">${'☆☆☆☆☆'.substring(0, 5 - c.stars())}</span></span>
 · <c:choose><c:when test="${empty c.episodeSlug()}"><fmt:message key="comments.theShow"/></c:when><c:otherwise><a href="/studio/shows/${show.slug()}/episodes/${c.episodeSlug()}"><c:out value="${c.episodeTitle()}"/></a></c:otherwise></c:choose>
 · <time datetime="${c.updatedAt()}" data-local>${c.updatedAt()}</time><c:if test="${c.held()}"> · <span class="muted" title="<fmt:message key='comments.heldTitle'/>"><fmt:message key="comments.held"/></span></c:if></p>
<p class="comment-text"><c:out value="${c.text()}"/></p>
<p class="actions">
<c:if test="${state ne 'published'}"><button type="button" class="primary" data-decision="publish"><fmt:message key="comments.approve"/></button></c:if>
<c:if test="${state ne 'hidden'}"><button type="button" data-decision="hide"><fmt:message key="comments.hide"/></button></c:if>
<button type="button" data-decision="delete"><fmt:message key="comments.delete"/></button>
</p>
</li></c:forEach>
</ol>
<c:if test="${pages > 1}"><nav class="pages" aria-label="<fmt:message key='comments.pages'/>">
<c:if test="${page > 1}"><a rel="prev" href="${here}?state=${state}&amp;page=${page - 1}"><fmt:message key="comments.newer"/></a></c:if>
<span><fmt:message key="page.of"><fmt:param value="${page}"/><fmt:param value="${pages}"/></fmt:message></span>
<c:if test="${page < pages}"><a rel="next" href="${here}?state=${state}&amp;page=${page + 1}"><fmt:message key="comments.older"/></a></c:if>
</nav></c:if>
</c:otherwise></c:choose>
<p class="muted"><fmt:message key="comments.explained"/></p>
</section>
<form id="comment-policy" class="card api-form narrow" novalidate data-update="${api}/policy">
<h2><fmt:message key="policy.title"/></h2>
<p class="form-error" role="alert" hidden></p>
<div class="field checkbox"><input type="checkbox" id="p-publish" name="publishWithoutReview"${policy.publishWithoutReview() ? ' checked' : ''}>
<label for="p-publish"><fmt:message key="policy.publish"/></label></div>
<div class="field"><label for="p-words"><fmt:message key="policy.words"/></label>
<textarea id="p-words" name="heldWords" rows="5" spellcheck="false"><c:forEach var="w" items="${policy.heldWords()}"><c:out value="${w}"/>
</c:forEach></textarea><p class="field-error" data-error-for="heldWords"></p></div>
<p class="muted"><fmt:message key="policy.note"/></p>
<button type="submit" class="primary"><fmt:message key="save"/></button> <span class="form-status" role="status"></span>
</form>
<%@ include file="parts/foot.jspf" %>
