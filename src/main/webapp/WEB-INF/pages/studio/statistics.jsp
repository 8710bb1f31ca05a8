<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<c:set var="pageTitle" value="Statistics · ${show.title()}"/>
<%@ include file="parts/head.jspf" %>
<c:set var="api" value="/api/podcasts/${show.slug()}"/>
<c:set var="range" value="from=${period.from()}&to=${period.to()}"/>
<p class="crumbs"><a href="/studio">Shows</a> › <a href="/studio/shows/${show.slug()}"><c:out value="${show.title()}"/></a> ›</p>
<h1>Statistics</h1>
<p class="muted">Downloads counted as the IAB podcast measurement guidelines count them: one per listener, app and episode a day,
once a minute of audio was fetched; robots and players' probes left out. Days are UTC days.</p>
<form method="get" class="card statistics-filter" action="/studio/shows/${show.slug()}/statistics">
<div class="grid">
<div class="field"><label for="s-from">From</label><input type="date" id="s-from" name="from" value="${period.from()}"<c:if test="${not empty period.errors()['from']}"> aria-invalid="true"</c:if>>
<p class="field-error" data-error-for="from"><c:out value="${period.errors()['from']}"/></p></div>
<div class="field"><label for="s-to">To</label><input type="date" id="s-to" name="to" value="${period.to()}"<c:if test="${not empty period.errors()['to']}"> aria-invalid="true"</c:if>>
<p class="field-error" data-error-for="to"><c:out value="${period.errors()['to']}"/></p></div>
<div class="field"><label for="s-episode">Episode</label><select id="s-episode" name="episode"><option value="">All episodes</option>
<c:forEach var="l" items="${launches}"><option value="${l.slug()}"${l.slug() eq episodeSlug ? ' selected' : ''}><c:out value="${l.title()}"/></option></c:forEach></select></div>
</div>
<button type="submit" class="primary">Show</button>
</form>
<section class="card" aria-labelledby="downloads-heading">
<h2 id="downloads-heading"><span id="downloads-total">${counts.total()}</span> download${counts.total() eq 1 ? '' : 's'}
 from <time datetime="${period.from()}">${period.from()}</time> to <time datetime="${period.to()}">${period.to()}</time></h2>
${chart}
<p><a href="${api}${empty episodeSlug ? '' : '/episodes/'.concat(episodeSlug)}/stats/days.csv?${fn:escapeXml(range)}" download>Download these days as CSV</a></p>
<details><summary>Downloads per day, as a table</summary>
<table class="numbers"><thead><tr><th>Day</th><th>Downloads</th></tr></thead><tbody>
<c:forEach var="d" items="${perDay}"><tr><td><time datetime="${d.key}">${d.key}</time></td><td>${d.value}</td></tr></c:forEach>
</tbody></table></details>
</section>
<section class="card" aria-labelledby="apps-heading">
<h2 id="apps-heading">Apps</h2>
<c:choose><c:when test="${empty counts.apps()}"><p class="empty">No download in these days.</p></c:when><c:otherwise>
<table class="numbers" id="apps"><thead><tr><th>App</th><th>Downloads</th><th>Share</th></tr></thead><tbody>
<c:forEach var="a" items="${counts.apps()}"><tr><td><c:out value="${a.key}"/></td><td>${a.value}</td><td><fmt:formatNumber value="${a.value / counts.total()}" type="percent"/></td></tr></c:forEach>
</tbody></table></c:otherwise></c:choose>
</section>
<section class="card" aria-labelledby="launches-heading">
<h2 id="launches-heading">Episodes side by side</h2>
<p class="muted">Each episode's downloads on its first 7 and 30 days (from its day of publication), so that episodes of different ages compare; a dash while those days are not over.</p>
<c:choose><c:when test="${empty launches}"><p class="empty">No episode yet.</p></c:when><c:otherwise>
<table class="numbers" id="launches"><thead><tr><th>Episode</th><th>Published</th><th>First 7 days</th><th>First 30 days</th><th>All</th></tr></thead><tbody>
<c:forEach var="l" items="${launches}"><tr data-episode="${l.slug()}"><td><a href="?${fn:escapeXml(range)}&amp;episode=${l.slug()}"><c:out value="${l.title()}"/></a></td>
<td><c:choose><c:when test="${l.publishedAt().isPresent()}"><time datetime="${l.publishedAt().get()}" data-local>${l.publishedAt().get()}</time></c:when><c:otherwise>draft</c:otherwise></c:choose></td>
<td>${l.first7Days().isPresent() ? l.first7Days().get() : '–'}</td><td>${l.first30Days().isPresent() ? l.first30Days().get() : '–'}</td><td>${l.total()}</td></tr></c:forEach>
</tbody></table>
<p><a href="${api}/stats/episodes.csv" download>Download this table as CSV</a></p>
</c:otherwise></c:choose>
</section>
<%@ include file="parts/foot.jspf" %>
