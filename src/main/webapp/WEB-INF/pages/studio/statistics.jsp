<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="stats.title" var="statsTitle"/><c:set var="pageTitle" value="${statsTitle} · ${show.title()}"/>
<%@ include file="parts/head.jspf" %>
<c:set var="api" value="/api/podcasts/${show.slug()}"/>
<c:set var="range" value="from=${period.from()}&to=${period.to()}"/>
<p class="crumbs"><a href="/studio"><fmt:message key="nav.shows"/></a> › <a href="/studio/shows/${show.slug()}"><c:out value="${show.title()}"/></a> ›</p>
<h1><fmt:message key="stats.title"/></h1>
<p class="muted"><fmt:message key="stats.intro"/></p>
<form method="get" class="card statistics-filter" action="/studio/shows/${show.slug()}/statistics">
<div class="grid">
<div class="field"><label for="s-from"><fmt:message key="stats.from"/></label><input type="date" id="s-from" name="from" value="${period.from()}"<c:if test="${not empty period.errors()['from']}"> aria-invalid="true"</c:if>>
<p class="field-error" data-error-for="from"><c:out value="${period.errors()['from']}"/></p></div>
<div class="field"><label for="s-to"><fmt:message key="stats.to"/></label><input type="date" id="s-to" name="to" value="${period.to()}"<c:if test="${not empty period.errors()['to']}"> aria-invalid="true"</c:if>>
<p class="field-error" data-error-for="to"><c:out value="${period.errors()['to']}"/></p></div>
<div class="field"><label for="s-episode"><fmt:message key="stats.episode"/></label><select id="s-episode" name="episode"><option value=""><fmt:message key="stats.allEpisodes"/></option>
<c:forEach var="l" items="${launches}"><option value="${l.slug()}"${l.slug() eq episodeSlug ? ' selected' : ''}><c:out value="${l.title()}"/></option></c:forEach></select></div>
</div>
<button type="submit" class="primary"><fmt:message key="stats.show"/></button>
</form>
<section class="card" aria-labelledby="downloads-heading">
<h2 id="downloads-heading"><fmt:message key="stats.downloads"><fmt:param><span id="downloads-total"><fmt:formatNumber value="${counts.total()}"/></span></fmt:param><fmt:param value="${counts.total()}"/><fmt:param><time datetime="${period.from()}">${days.of(period.from())}</time></fmt:param><fmt:param><time datetime="${period.to()}">${days.of(period.to())}</time></fmt:param></fmt:message></h2>
${chart}
<p><a href="${api}${empty episodeSlug ? '' : '/episodes/'.concat(episodeSlug)}/stats/days.csv?${fn:escapeXml(range)}" download><fmt:message key="stats.daysCsv"/></a></p>
<details><summary><fmt:message key="stats.table"/></summary>
<table class="numbers"><thead><tr><th><fmt:message key="stats.day"/></th><th><fmt:message key="stats.downloadsColumn"/></th></tr></thead><tbody>
<c:forEach var="d" items="${perDay}"><tr><td><time datetime="${d.key}">${days.of(d.key)}</time></td><td><fmt:formatNumber value="${d.value}"/></td></tr></c:forEach>
</tbody></table></details>
</section>
<section class="card" aria-labelledby="apps-heading">
<h2 id="apps-heading"><fmt:message key="stats.apps"/></h2>
<c:choose><c:when test="${empty counts.apps()}"><p class="empty"><fmt:message key="stats.noDownload"/></p></c:when><c:otherwise>
<table class="numbers" id="apps"><thead><tr><th><fmt:message key="stats.app"/></th><th><fmt:message key="stats.downloadsColumn"/></th><th><fmt:message key="stats.share"/></th></tr></thead><tbody>
<c:forEach var="a" items="${counts.apps()}"><tr><td><c:out value="${a.key}"/></td><td><fmt:formatNumber value="${a.value}"/></td><td><fmt:formatNumber value="${a.value / counts.total()}" type="percent"/></td></tr></c:forEach>
</tbody></table></c:otherwise></c:choose>
</section>
<section class="card" aria-labelledby="launches-heading">
<h2 id="launches-heading"><fmt:message key="stats.launches"/></h2>
<p class="muted"><fmt:message key="stats.launchesNote"/></p>
<c:choose><c:when test="${empty launches}"><p class="empty"><fmt:message key="stats.noEpisode"/></p></c:when><c:otherwise>
<table class="numbers" id="launches"><thead><tr><th><fmt:message key="stats.episode"/></th><th><fmt:message key="stats.published"/></th><th><fmt:message key="stats.first7"/></th><th><fmt:message key="stats.first30"/></th><th><fmt:message key="stats.all"/></th></tr></thead><tbody>
<c:forEach var="l" items="${launches}"><tr data-episode="${l.slug()}"><td><a href="?${fn:escapeXml(range)}&amp;episode=${l.slug()}"><c:out value="${l.title()}"/></a></td>
<td><c:choose><c:when test="${l.publishedAt().isPresent()}"><time datetime="${l.publishedAt().get()}" data-local>${l.publishedAt().get()}</time></c:when><c:otherwise><fmt:message key="status.draft"/></c:otherwise></c:choose></td>
<td><c:choose><c:when test="${l.first7Days().isPresent()}"><fmt:formatNumber value="${l.first7Days().get()}"/></c:when><c:otherwise>–</c:otherwise></c:choose></td><td><c:choose><c:when test="${l.first30Days().isPresent()}"><fmt:formatNumber value="${l.first30Days().get()}"/></c:when><c:otherwise>–</c:otherwise></c:choose></td><td><fmt:formatNumber value="${l.total()}"/></td></tr></c:forEach>
</tbody></table>
<p><a href="${api}/stats/episodes.csv" download><fmt:message key="stats.tableCsv"/></a></p>
</c:otherwise></c:choose>
</section>
<%@ include file="parts/foot.jspf" %>
