<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="card" value="${show.show()}"/>
<c:set var="pageTitle" value="${card.title()}"/>
<c:set var="pageDescription" value="${card.summary()}"/>
<c:set var="canonical" value="${card.url()}"/>
<c:set var="feedUrl" value="${show.feedUrl()}"/>
<c:set var="feedTitle" value="${card.title()}"/>
<c:set var="ogImage" value="${card.artworkUrl()}"/>
<c:set var="jsonLd" value="${show.jsonLd()}"/>
<%@ include file="parts/head.jspf" %>
<article class="show">
<header class="show-header">
<c:if test="${not empty card.artworkUrl()}"><img class="artwork" src="${fn:escapeXml(card.artworkUrl())}" width="240" height="240" alt="<fmt:message key='show.artwork'><fmt:param value='${fn:escapeXml(card.title())}'/></fmt:message>"></c:if>
<div>
<h1><c:out value="${card.title()}"/></h1>
<c:if test="${not empty card.author()}"><p class="author"><fmt:message key="show.by"><fmt:param value="${fn:escapeXml(card.author())}"/></fmt:message></p></c:if>
<p class="average"><c:choose><c:when test="${card.rating().count() > 0}"><fmt:message key="rating.average"><fmt:param value="${card.rating().average()}"/><fmt:param value="${card.rating().count()}"/></fmt:message></c:when><c:otherwise><fmt:message key="rating.none"/></c:otherwise></c:choose></p>
</div>
</header>
<div class="notes">${show.descriptionHtml()}</div>
<section class="subscribe" aria-labelledby="subscribe-title">
<h2 id="subscribe-title"><fmt:message key="show.subscribe"/></h2>
<p><fmt:message key="show.subscribeHelp"/></p>
<p class="feed"><label for="feed-url"><fmt:message key="show.feedLabel"/></label>
<input id="feed-url" type="url" readonly value="${fn:escapeXml(show.feedUrl())}">
<button type="button" data-copy="#feed-url" data-copied="<fmt:message key='show.copied'/>"><fmt:message key="show.copy"/></button></p>
<ul class="apps">
<c:forEach var="app" items="${show.subscribe()}"><li><a href="${fn:escapeXml(app.url())}"><c:out value="${app.name()}"/></a></li></c:forEach>
<li><a href="${fn:escapeXml(show.feedUrl())}" type="application/rss+xml"><fmt:message key="show.rss"/></a></li>
</ul>
</section>
<section aria-labelledby="episodes-title">
<h2 id="episodes-title"><fmt:message key="show.episodes"/></h2>
<c:choose>
<c:when test="${empty show.episodes()}"><p><fmt:message key="show.noEpisodes"/></p></c:when>
<c:otherwise>
<ol class="episodes">
<c:forEach var="item" items="${show.episodes()}">
<li><a href="${fn:escapeXml(item.url())}"><c:out value="${item.title()}"/></a>
<span class="meta"><time datetime="${item.isoDate()}"><c:out value="${item.date()}"/></time> · <c:out value="${item.duration()}"/></span></li>
</c:forEach>
</ol>
<c:if test="${show.pageCount() > 1}">
<nav class="pages" aria-label="<fmt:message key='show.page'><fmt:param value='${show.page()}'/><fmt:param value='${show.pageCount()}'/></fmt:message>">
<c:if test="${show.page() > 1}"><a rel="prev" href="${fn:escapeXml(card.url())}?page=${show.page() - 1}"><fmt:message key="show.newer"/></a></c:if>
<span><fmt:message key="show.page"><fmt:param value="${show.page()}"/><fmt:param value="${show.pageCount()}"/></fmt:message></span>
<c:if test="${show.page() < show.pageCount()}"><a rel="next" href="${fn:escapeXml(card.url())}?page=${show.page() + 1}"><fmt:message key="show.older"/></a></c:if>
</nav>
</c:if>
</c:otherwise>
</c:choose>
</section>
<c:set var="ratingAction" value="/podcasts/${card.slug()}/ratings#rate"/>
<c:set var="ratingTitleKey" value="rating.show"/>
<c:set var="ratingSummary" value="${card.rating()}"/>
<%@ include file="parts/rating-form.jspf" %>
<c:set var="commentsView" value="${show.comments()}"/>
<c:set var="commentsUrl" value="${card.url()}"/>
<%@ include file="parts/comments.jspf" %>
</article>
<%@ include file="parts/foot.jspf" %>
