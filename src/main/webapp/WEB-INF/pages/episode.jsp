<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="card" value="${episode.show()}"/>
<c:set var="pageTitle" value="${episode.title()} – ${card.title()}"/>
<c:set var="pageDescription" value="${episode.summary()}"/>
<c:set var="canonical" value="${episode.url()}"/>
<c:set var="feedUrl" value="${episode.feedUrl()}"/>
<c:set var="feedTitle" value="${card.title()}"/>
<c:set var="ogImage" value="${episode.imageUrl()}"/>
<c:set var="ogAudio" value="${episode.audioUrl()}"/>
<c:set var="ogType" value="music.song"/>
<c:set var="jsonLd" value="${episode.jsonLd()}"/>
<c:set var="transcript" value="${episode.transcript()}"/>
<c:set var="readAlong" value="${not empty transcript.sections()}"/>
<%@ include file="parts/head.jspf" %>
<article class="episode">
<p class="breadcrumb"><a href="${fn:escapeXml(card.url())}"><fmt:message key="episode.allEpisodes"><fmt:param value="${fn:escapeXml(card.title())}"/></fmt:message></a></p>
<h1><c:out value="${episode.title()}"/></h1>
<p class="meta"><time datetime="${episode.isoDate()}"><c:out value="${episode.date()}"/></time> · <c:out value="${episode.duration()}"/></p>
<figure class="player">
<audio id="player" controls preload="metadata" src="${fn:escapeXml(episode.audioUrl())}" aria-label="<fmt:message key='episode.player'/>"></audio>
<figcaption><a href="${fn:escapeXml(episode.audioUrl())}" download><fmt:message key="episode.download"/></a></figcaption>
</figure>
<c:if test="${readAlong}">
<fmt:message key="episode.transcript.results.none" var="resultsNone"/><fmt:message key="episode.transcript.results.one" var="resultsOne"/><fmt:message key="episode.transcript.results.many" var="resultsMany"/>
<fmt:message key="episode.transcript.search" var="searchLabel"/><fmt:message key="episode.transcript.previous" var="previousLabel"/><fmt:message key="episode.transcript.next" var="nextLabel"/>
<section class="transcript" lang="${fn:escapeXml(transcript.language())}" aria-labelledby="transcript-title" data-results-none="${fn:escapeXml(resultsNone)}" data-results-one="${fn:escapeXml(resultsOne)}" data-results-many="${fn:escapeXml(resultsMany)}">
<h2 id="transcript-title" lang="${lang}"><fmt:message key="episode.transcript"/></h2>
<p class="transcript-files" lang="${lang}"><fmt:message key="episode.transcript.files"/><c:forEach var="file" items="${transcript.downloads()}"> <a href="${fn:escapeXml(file.url())}"><c:out value="${file.name()}"/></a></c:forEach></p>
<form class="transcript-search" role="search" lang="${lang}" hidden>
<label for="transcript-query" class="visually-hidden"><c:out value="${searchLabel}"/></label>
<input id="transcript-query" type="search" placeholder="${fn:escapeXml(searchLabel)}" autocomplete="off" spellcheck="false">
<output for="transcript-query" aria-live="polite"></output>
<button type="button" data-step="-1" title="${fn:escapeXml(previousLabel)}" aria-label="${fn:escapeXml(previousLabel)}">↑</button>
<button type="button" data-step="1" title="${fn:escapeXml(nextLabel)}" aria-label="${fn:escapeXml(nextLabel)}">↓</button>
</form>
<div class="reading" tabindex="0" aria-label="<fmt:message key='episode.transcript.reading'/>">
<c:forEach var="section" items="${transcript.sections()}">
<c:if test="${not empty section.title()}"><h3><a class="seek" href="#t=${section.startSeconds()}" data-start="${section.startSeconds()}">${section.start()}</a> <c:out value="${section.title()}"/></h3></c:if>
<c:forEach var="paragraph" items="${section.paragraphs()}">
<p><a class="seek" href="#t=${paragraph.startSeconds()}" data-start="${paragraph.startSeconds()}">${paragraph.start()}</a> <c:if test="${not empty paragraph.speaker()}"><cite><c:choose><c:when test="${not empty paragraph.speakerHref()}"><a href="${fn:escapeXml(paragraph.speakerHref())}" rel="noopener"><c:out value="${paragraph.speaker()}"/></a></c:when><c:otherwise><c:out value="${paragraph.speaker()}"/></c:otherwise></c:choose></cite> </c:if>${paragraph.cuesHtml()}</p>
</c:forEach>
</c:forEach>
</div>
</section>
</c:if>
<c:if test="${not empty episode.chapters()}">
<section class="chapters" aria-labelledby="chapters-title">
<h2 id="chapters-title"><fmt:message key="episode.chapters"/></h2>
<ol>
<c:forEach var="chapter" items="${episode.chapters()}">
<li data-start="${chapter.startSeconds()}">
<c:if test="${not empty chapter.imageUrl()}"><img class="chapter-image" src="${fn:escapeXml(chapter.imageUrl())}" alt="<fmt:message key='episode.chapterImage'><fmt:param value='${fn:escapeXml(chapter.title())}'/></fmt:message>" width="64" height="64" loading="lazy" decoding="async"></c:if>
<a class="seek" href="#t=${chapter.startSeconds()}" data-start="${chapter.startSeconds()}" title="<fmt:message key='episode.playFrom'><fmt:param value='${chapter.start()}'/></fmt:message>"><span class="start">${chapter.start()}</span> <span class="title"><c:out value="${chapter.title()}"/></span></a>
<c:if test="${not empty chapter.url()}"> <a class="link" href="${fn:escapeXml(chapter.url())}" rel="noopener nofollow">↗<span class="visually-hidden"> <c:out value="${chapter.url()}"/></span></a></c:if>
</li>
</c:forEach>
</ol>
</section>
</c:if>
<c:if test="${not empty episode.notesHtml()}">
<section class="notes" aria-labelledby="notes-title"><h2 id="notes-title"><fmt:message key="episode.notes"/></h2>${episode.notesHtml()}</section>
</c:if>
<c:if test="${not empty episode.persons()}">
<section class="credits" aria-labelledby="credits-title">
<h2 id="credits-title"><fmt:message key="episode.credits"/></h2>
<ul>
<c:forEach var="person" items="${episode.persons()}">
<li><c:choose><c:when test="${not empty person.href()}"><a href="${fn:escapeXml(person.href())}" rel="noopener"><c:out value="${person.name()}"/></a></c:when><c:otherwise><c:out value="${person.name()}"/></c:otherwise></c:choose> — <c:out value="${person.role()}"/></li>
</c:forEach>
</ul>
</section>
</c:if>
<c:set var="ratingAction" value="/podcasts/${card.slug()}/${episode.slug()}/ratings#rate"/>
<c:set var="ratingTitleKey" value="rating.episode"/>
<c:set var="ratingSummary" value="${episode.rating()}"/>
<%@ include file="parts/rating-form.jspf" %>
<c:set var="commentsView" value="${episode.comments()}"/>
<c:set var="commentsUrl" value="${episode.url()}"/>
<%@ include file="parts/comments.jspf" %>
<c:if test="${not empty episode.others()}">
<section class="others" aria-labelledby="others-title">
<h2 id="others-title"><fmt:message key="episode.others"/></h2>
<ul>
<c:forEach var="item" items="${episode.others()}">
<li><a href="${fn:escapeXml(item.url())}"><c:out value="${item.title()}"/></a> <span class="meta"><time datetime="${item.isoDate()}"><c:out value="${item.date()}"/></time> · <c:out value="${item.duration()}"/></span></li>
</c:forEach>
</ul>
</section>
</c:if>
</article>
<%@ include file="parts/foot.jspf" %>
