<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Your shows"/>
<%@ include file="parts/head.jspf" %>
<div class="title-row"><h1>Your shows</h1><a class="button primary" href="/studio/new-show">New show</a>
<a class="button" href="/studio/import">Import a show from another host</a></div>
<c:choose>
<c:when test="${empty shows}"><p class="empty">No show yet. Create one to upload episodes.</p></c:when>
<c:otherwise>
<ul class="show-list">
<c:forEach var="s" items="${shows}">
<li class="card"><a href="/studio/shows/${s.slug()}" class="show-title"><c:out value="${s.title()}"/></a>
<span class="muted">Feed: <a href="${fn:escapeXml(s.feedUrl())}"><c:out value="${s.feedUrl()}"/></a></span></li>
</c:forEach>
</ul>
</c:otherwise>
</c:choose>
<%@ include file="parts/foot.jspf" %>
