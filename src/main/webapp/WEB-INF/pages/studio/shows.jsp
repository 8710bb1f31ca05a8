<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="shows.title" var="pageTitle"/>
<%@ include file="parts/head.jspf" %>
<div class="title-row"><h1><fmt:message key="shows.title"/></h1><a class="button primary" href="/studio/new-show"><fmt:message key="shows.new"/></a>
<a class="button" href="/studio/import"><fmt:message key="shows.import"/></a></div>
<c:if test="${not empty invitations}"><section class="card" id="invitations" aria-labelledby="invitations-heading" data-me="${myId}">
<h2 id="invitations-heading"><fmt:message key="shows.invitations"/></h2>
<p class="form-error" role="alert" hidden></p>
<ul><c:forEach var="i" items="${invitations}"><li data-show="${i.slug()}"><strong><c:out value="${i.title()}"/></strong>: <c:choose><c:when test="${empty i.invitedBy()}"><fmt:message key="shows.invitationByOwner"/></c:when><c:otherwise><fmt:message key="shows.invitation"><fmt:param><c:out value="${i.invitedBy()}"/></fmt:param></fmt:message></c:otherwise></c:choose>
<button type="button" class="primary" data-answer="accept"><fmt:message key="shows.accept"/></button> <button type="button" data-answer="decline"><fmt:message key="shows.decline"/></button></li></c:forEach></ul>
</section></c:if>
<c:choose>
<c:when test="${empty shows}"><p class="empty"><fmt:message key="shows.none"/></p></c:when>
<c:otherwise>
<ul class="show-list">
<c:forEach var="s" items="${shows}">
<li class="card"><a href="/studio/shows/${s.slug()}" class="show-title"><c:out value="${s.title()}"/></a>
<span class="muted"><fmt:message key="shows.feed"/> <a href="${fn:escapeXml(s.feedUrl())}"><c:out value="${s.feedUrl()}"/></a></span>
<c:if test="${awaitingComments[s.slug()] > 0}"><a href="/studio/shows/${s.slug()}/comments" class="awaiting"><fmt:message key="shows.toReview"><fmt:param value="${awaitingComments[s.slug()]}"/></fmt:message></a></c:if></li>
</c:forEach>
</ul>
</c:otherwise>
</c:choose>
<%@ include file="parts/foot.jspf" %>
