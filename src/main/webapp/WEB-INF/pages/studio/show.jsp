<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="show.new" var="newShow"/><c:set var="pageTitle" value="${empty show ? newShow : show.title()}"/>
<%@ include file="parts/head.jspf" %>
<%-- What only the owner changes (who the show belongs to, its lock, a move): shown to editors, not editable. --%>
<c:set var="ownerOnly" value=""/><c:if test="${not empty show and not isOwner}"><c:set var="ownerOnly"> disabled title="<fmt:message key='show.ownerOnly'/>"</c:set></c:if>
<c:choose>
<c:when test="${empty show}"><h1><fmt:message key="show.new"/></h1></c:when>
<c:otherwise>
<p class="crumbs"><a href="/studio"><fmt:message key="nav.shows"/></a> ›</p>
<div class="title-row"><h1><c:out value="${show.title()}"/></h1><a class="button" href="/studio/shows/${show.slug()}/statistics"><fmt:message key="stats.title"/></a><a class="button" href="/studio/shows/${show.slug()}/comments" id="comments-link"><fmt:message key="show.comments"/><c:if test="${awaitingComments > 0}"> <span class="count attention" title="<fmt:message key='comments.awaiting'/>">${awaitingComments}</span></c:if></a><a class="button primary" href="/studio/shows/${show.slug()}/new-episode"><fmt:message key="show.newEpisode"/></a></div>
<p class="feed-url"><fmt:message key="show.feedUrl"/> <a href="${fn:escapeXml(show.feedUrl())}" id="feed-url"><c:out value="${show.feedUrl()}"/></a>
 · <a href="${fn:escapeXml(show.publicUrl())}"><fmt:message key="show.publicPage"/></a></p>
<section aria-labelledby="episodes-heading">
<h2 id="episodes-heading"><fmt:message key="show.episodes"/></h2>
<c:choose>
<c:when test="${empty episodes}"><p class="empty"><fmt:message key="stats.noEpisode"/></p></c:when>
<c:otherwise>
<table class="episodes">
<thead><tr><th><fmt:message key="stats.episode"/></th><th><fmt:message key="show.status"/></th><th><fmt:message key="show.tags"/></th><th><fmt:message key="show.chapters"/></th><th></th></tr></thead>
<tbody>
<c:forEach var="e" items="${episodes}">
<tr data-episode="${e.slug()}">
<td><a href="/studio/shows/${show.slug()}/episodes/${e.slug()}"><c:out value="${e.title()}"/></a></td>
<td><span class="status status-${e.status()}"><fmt:message key="status.${e.status()}"/></span><c:if test="${not empty e.when()}"> <time datetime="${e.when()}" data-local>${e.when()}</time></c:if></td>
<td><span class="tagging tagging-${e.tagging()}" title="${fn:escapeXml(e.tagError())}"><fmt:message key="tagging.${e.tagging()}"/></span></td>
<td>${e.chapterCount()}</td>
<td><a href="/studio/shows/${show.slug()}/episodes/${e.slug()}/chapters"><fmt:message key="show.markChapters"/></a></td>
</tr>
</c:forEach>
</tbody>
</table>
</c:otherwise>
</c:choose>
</section>
<section aria-labelledby="readiness-heading" class="card readiness" id="readiness">
<h2 id="readiness-heading"><fmt:message key="${ready ? 'readiness.ready' : 'readiness.before'}"/></h2>
<ul class="checklist">
<c:forEach var="item" items="${readiness}">
<li class="${item.met() ? 'met' : 'missing'}"><span class="mark" aria-hidden="true">${item.met() ? '✓' : '✗'}</span>
<span class="visually-hidden"><fmt:message key="${item.met() ? 'readiness.done' : 'readiness.missing'}"/></span> <fmt:message key="readiness.${item.key()}"/> <span class="muted">(<c:out value="${item.who()}"/>)</span>
<c:if test="${not item.met()}"> — <c:choose><c:when test="${not empty item.href()}"><a href="${item.href()}"><fmt:message key="readiness.${item.key()}.fix"/></a></c:when><c:otherwise><fmt:message key="readiness.${item.key()}.fix"/></c:otherwise></c:choose></c:if></li>
</c:forEach>
</ul>
</section>
<section aria-labelledby="artwork-heading" class="card">
<h2 id="artwork-heading"><fmt:message key="show.artwork"/></h2>
<c:if test="${not empty show.imageUrl()}"><img src="${fn:escapeXml(show.imageUrl())}" alt="<fmt:message key='show.currentArtwork'/>" class="artwork-preview" width="160" height="160"></c:if>
<form id="artwork-form" data-podcast="${show.slug()}">
<p class="form-error" role="alert" hidden></p>
<div class="field"><label for="artwork"><fmt:message key="show.artworkRule"/></label>
<input type="file" id="artwork" name="artwork" accept="image/jpeg,image/png" required>
<p class="field-error" data-error-for="artwork" role="alert"></p></div>
<button type="submit"><fmt:message key="show.uploadArtwork"/></button> <span class="form-status" role="status"></span>
</form>
</section>
</c:otherwise>
</c:choose>
<form id="show-form" class="card api-form" novalidate
      data-create="/api/podcasts" data-update="/api/podcasts/${show.slug()}" data-etag="${fn:escapeXml(etag)}"
      data-after="/studio/shows/{slug}">
<h2><fmt:message key="${empty show ? 'show.about' : 'show.details'}"/></h2>
<p class="form-error" role="alert" hidden></p>
<div class="grid">
<div class="field"><label for="f-title"><fmt:message key="field.title"/></label><input id="f-title" name="title" maxlength="255" required><p class="field-error" data-error-for="title"></p></div>
<div class="field"><label for="f-slug"><fmt:message key="field.slug"/></label><input id="f-slug" name="slug" pattern="${slugPattern}" placeholder="<fmt:message key='field.slugPlaceholder'/>" aria-describedby="f-slug-note"><p class="field-error" data-error-for="slug"></p>
<c:if test="${not empty show}"><p class="muted" id="f-slug-note"><fmt:message key="show.slugNote"/></p></c:if></div>
<div class="field wide"><label for="f-description"><fmt:message key="field.description"/></label><textarea id="f-description" name="description" rows="5" maxlength="4000"></textarea><p class="field-error" data-error-for="description"></p></div>
<c:if test="${empty show}"><div class="field wide"><label for="f-artwork"><fmt:message key="show.artworkField"/></label>
<input type="file" id="f-artwork" name="artwork" accept="image/jpeg,image/png"><p class="field-error" data-error-for="artwork" role="alert"></p></div></c:if>
<div class="field"><label for="f-language"><fmt:message key="field.language"/></label><input id="f-language" name="language" list="languages" placeholder="fr" spellcheck="false" aria-describedby="f-language-note">
<datalist id="languages"><c:forEach var="l" items="${languages}"><option value="${l.tag()}"><c:out value="${l.name()}"/></option></c:forEach></datalist>
<p class="muted" id="f-language-note"><fmt:message key="show.languageNote"/></p><p class="field-error" data-error-for="language"></p></div>
<div class="field"><label for="f-author"><fmt:message key="field.author"/></label><input id="f-author" name="author"><p class="field-error" data-error-for="author"></p></div>
<div class="field"><label for="f-ownerName"><fmt:message key="field.ownerName"/></label><input id="f-ownerName" name="ownerName"${ownerOnly}><p class="field-error" data-error-for="ownerName"></p></div>
<div class="field"><label for="f-ownerEmail"><fmt:message key="field.ownerEmail"/></label><input id="f-ownerEmail" name="ownerEmail" type="email"${ownerOnly}><p class="field-error" data-error-for="ownerEmail"></p></div>
<div class="field"><label for="f-category"><fmt:message key="field.category"/></label><select id="f-category" name="category"><option value=""><fmt:message key="field.chooseCategory"/></option>
<c:forEach var="c" items="${categories}"><option value="${fn:escapeXml(c.value())}"><c:out value="${c.label()}"/></option></c:forEach></select><p class="field-error" data-error-for="category"></p></div>
<div class="field"><label for="f-subcategory"><fmt:message key="field.subcategory"/></label><select id="f-subcategory" name="subcategory"><option value=""><fmt:message key="field.none"/></option>
<c:forEach var="c" items="${categories}"><c:if test="${not empty c.subcategories()}"><optgroup label="${fn:escapeXml(c.label())}" data-category="${fn:escapeXml(c.value())}"><c:forEach var="sub" items="${c.subcategories()}"><option value="${fn:escapeXml(sub.value())}"><c:out value="${sub.label()}"/></option></c:forEach></optgroup></c:if></c:forEach></select><p class="field-error" data-error-for="subcategory"></p></div>
<div class="field"><label for="f-type"><fmt:message key="field.type"/></label><select id="f-type" name="type"><option value="episodic"><fmt:message key="field.episodic"/></option><option value="serial"><fmt:message key="field.serial"/></option></select><p class="field-error" data-error-for="type"></p></div>
<div class="field"><label for="f-medium"><fmt:message key="field.medium"/></label><select id="f-medium" name="medium"><option>podcast</option><option>music</option><option>video</option><option>film</option><option>audiobook</option><option>newsletter</option><option>blog</option></select><p class="field-error" data-error-for="medium"></p></div>
<div class="field"><label for="f-link"><fmt:message key="field.link"/></label><input id="f-link" name="link" type="url" placeholder="https://"><p class="field-error" data-error-for="link"></p></div>
<div class="field"><label for="f-copyright"><fmt:message key="field.copyright"/></label><input id="f-copyright" name="copyright"><p class="field-error" data-error-for="copyright"></p></div>
<div class="field check"><label><input type="checkbox" id="f-explicit" name="explicit" data-kind="bool"> <fmt:message key="field.explicit"/></label><p class="field-error" data-error-for="explicit"></p></div>
<div class="field check"><label><input type="checkbox" name="locked" data-kind="bool"${empty show ? ' checked' : ''}${ownerOnly}> <fmt:message key="field.locked"/></label><p class="field-error" data-error-for="locked"></p></div>
<c:if test="${not empty show}"><div class="field wide"><label for="f-redirectTo"><fmt:message key="field.redirectTo"/></label><input id="f-redirectTo" name="redirectTo" type="url" placeholder="<fmt:message key='field.redirectToPlaceholder'/>" aria-describedby="f-redirectTo-note"${ownerOnly}><p class="field-error" data-error-for="redirectTo"></p>
<p class="muted" id="f-redirectTo-note"><fmt:message key="field.redirectToNote"/></p></div></c:if>
</div>
<%@ include file="parts/persons.jspf" %>
<button type="submit" class="primary"><fmt:message key="${empty show ? 'show.create' : 'save'}"/></button> <span class="form-status" role="status"></span>
</form>
<c:if test="${not empty show}">
<section class="card" id="team" aria-labelledby="team-heading" data-api="/api/podcasts/${show.slug()}/team" data-me="${myId}">
<h2 id="team-heading"><fmt:message key="team.title"/></h2>
<p class="muted"><fmt:message key="team.note"/></p>
<p class="form-error" role="alert" hidden></p>
<table class="team"><thead><tr><th><fmt:message key="team.producer"/></th><th><fmt:message key="producers.role"/></th><th></th></tr></thead><tbody>
<c:forEach var="m" items="${team}"><tr data-producer="${m.producerId()}"><td><c:out value="${m.name()}"/> <span class="muted"><c:out value="${m.email()}"/></span></td>
<td><fmt:message key="team.${m.role()}"/><c:if test="${m.invited()}"> <fmt:message key="team.invited"/></c:if></td>
<td><c:choose><c:when test="${m.role() eq 'owner'}"></c:when>
<c:when test="${m.producerId() eq myId}"><button type="button" data-remove="${m.producerId()}" data-leave><fmt:message key="team.leave"/></button></c:when>
<c:when test="${isOwner}"><button type="button" data-remove="${m.producerId()}"><fmt:message key="${m.invited() ? 'team.withdraw' : 'team.remove'}"/></button></c:when></c:choose></td></tr></c:forEach>
</tbody></table>
<c:if test="${isOwner}"><form id="invite-form" class="api-form inline" novalidate>
<p class="form-error" role="alert" hidden></p>
<label for="i-email"><fmt:message key="team.inviteLabel"/></label> <input id="i-email" name="email" type="email" autocomplete="off">
<button type="submit"><fmt:message key="team.invite"/></button> <span class="form-status" role="status"></span>
<p class="field-error" data-error-for="email"></p>
</form></c:if>
</section>
</c:if>
<c:if test="${not empty show and isOwner}">
<section class="card deletion" aria-labelledby="delete-heading" data-kind="show" data-title="${fn:escapeXml(show.title())}"
         data-url="/api/podcasts/${show.slug()}" data-after="/studio" data-ratings="/api/podcasts/${show.slug()}/ratings"
         data-stats="/api/podcasts/${show.slug()}/stats" data-episodes="${fn:length(episodes)}">
<h2 id="delete-heading"><fmt:message key="show.delete"/></h2>
<p class="form-error" role="alert" hidden></p>
<button type="button" data-delete-start><fmt:message key="show.deleteStart"/></button>
<div class="conflict" role="alertdialog" aria-labelledby="delete-text" hidden>
<p id="delete-text"></p>
<button type="button" data-delete-yes class="primary"><fmt:message key="show.deleteYes"/></button>
<button type="button" data-delete-no><fmt:message key="keepIt"/></button>
</div>
</section>
</c:if>
<%@ include file="parts/foot.jspf" %>
