<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Your shows"/>
<%@ include file="parts/head.jspf" %>
<div class="title-row"><h1>Your shows</h1><a class="button primary" href="/studio/new-show">New show</a>
<a class="button" href="/studio/import">Import a show from another host</a></div>
<c:if test="${not empty invitations}"><section class="card" id="invitations" aria-labelledby="invitations-heading" data-me="${myId}">
<h2 id="invitations-heading">Invitations</h2>
<p class="form-error" role="alert" hidden></p>
<ul><c:forEach var="i" items="${invitations}"><li data-show="${i.slug()}"><strong><c:out value="${i.title()}"/></strong>: <c:out value="${i.invitedBy()}"/> invites you to edit this show.
<button type="button" class="primary" data-answer="accept">Accept</button> <button type="button" data-answer="decline">Decline</button></li></c:forEach></ul>
</section></c:if>
<c:choose>
<c:when test="${empty shows}"><p class="empty">No show yet. Create one to upload episodes.</p></c:when>
<c:otherwise>
<ul class="show-list">
<c:forEach var="s" items="${shows}">
<li class="card"><a href="/studio/shows/${s.slug()}" class="show-title"><c:out value="${s.title()}"/></a>
<span class="muted">Feed: <a href="${fn:escapeXml(s.feedUrl())}"><c:out value="${s.feedUrl()}"/></a></span>
<c:if test="${awaitingComments[s.slug()] > 0}"><a href="/studio/shows/${s.slug()}/comments" class="awaiting">${awaitingComments[s.slug()]} comment${awaitingComments[s.slug()] eq 1 ? '' : 's'} to review</a></c:if></li>
</c:forEach>
</ul>
</c:otherwise>
</c:choose>
<%@ include file="parts/foot.jspf" %>
