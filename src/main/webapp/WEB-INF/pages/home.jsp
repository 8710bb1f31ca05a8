<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" session="false" %>
<%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<fmt:setBundle basename="dev.chapitre.web.messages"/>
<fmt:message key="home.title" var="pageTitle"/>
<fmt:message key="site.tagline" var="pageDescription"/>
<c:set var="canonical" value="${base}/" scope="page"/>
<%@ include file="parts/head.jspf" %>
<h1><c:out value="${pageTitle}"/></h1>
<c:choose>
<c:when test="${empty shows}"><p><fmt:message key="home.empty"/></p></c:when>
<c:otherwise>
<ul class="cards">
<c:forEach var="show" items="${shows}">
<li class="card">
<a href="${fn:escapeXml(show.url())}">
<c:if test="${not empty show.artworkUrl()}"><img src="${fn:escapeXml(show.artworkUrl())}" alt="" width="160" height="160" loading="lazy"></c:if>
<span class="card-title"><c:out value="${show.title()}"/></span></a>
<c:if test="${not empty show.author()}"><p class="author"><fmt:message key="show.by"><fmt:param value="${fn:escapeXml(show.author())}"/></fmt:message></p></c:if>
<c:if test="${show.rating().count() > 0}"><p class="average"><fmt:message key="rating.average"><fmt:param value="${show.rating().average()}"/><fmt:param value="${show.rating().count()}"/></fmt:message></p></c:if>
<p><c:out value="${show.summary()}"/></p>
</li>
</c:forEach>
</ul>
</c:otherwise>
</c:choose>
<%@ include file="parts/foot.jspf" %>
