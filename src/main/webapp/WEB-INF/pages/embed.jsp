<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<fmt:setBundle basename="dev.chapitre.web.messages"/>
<!DOCTYPE html>
<html lang="${lang}" class="embed theme-${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title><c:out value="${empty episode ? 'Chapitre' : episode.title().concat(' · ').concat(episode.show().title())}"/></title>
<link rel="stylesheet" href="${assets['embed.css']}">
<script src="${assets['chapitre.js']}" defer></script>
</head>
<body>
<c:choose>
<c:when test="${empty episode}"><main class="embed-player"><p class="gone"><fmt:message key="embed.notFound"/></p></main></c:when>
<c:otherwise>
<main class="embed-player">
<header>
<c:set var="art" value="${empty episode.imageUrl() ? episode.show().artworkUrl() : episode.imageUrl()}"/>
<c:if test="${not empty art}"><img class="art" src="${fn:escapeXml(art)}" alt="" width="72" height="72"></c:if>
<div>
<p class="show"><a href="${fn:escapeXml(episode.show().url())}" target="_blank" rel="noopener"><c:out value="${episode.show().title()}"/></a></p>
<h1><a href="${fn:escapeXml(episode.url())}" target="_blank" rel="noopener" title="<fmt:message key='embed.listen'/>"><c:out value="${episode.title()}"/></a></h1>
<p class="meta"><time datetime="${episode.isoDate()}">${episode.date()}</time> · ${episode.duration()}</p>
</div>
</header>
<audio id="player" controls preload="none" src="${fn:escapeXml(episode.audioUrl())}" aria-label="<fmt:message key='episode.player'/>"></audio>
<c:if test="${not empty episode.chapters()}">
<section class="chapters" aria-labelledby="chapters-title">
<h2 id="chapters-title"><fmt:message key="episode.chapters"/></h2>
<ol>
<c:forEach var="chapter" items="${episode.chapters()}">
<li data-start="${chapter.startSeconds()}"><a class="seek" href="#t=${chapter.startSeconds()}" data-start="${chapter.startSeconds()}" title="<fmt:message key='episode.playFrom'><fmt:param value='${chapter.start()}'/></fmt:message>"><span class="start">${chapter.start()}</span> <span class="title"><c:out value="${chapter.title()}"/></span></a></li>
</c:forEach>
</ol>
</section>
</c:if>
</main>
</c:otherwise>
</c:choose>
</body>
</html>
