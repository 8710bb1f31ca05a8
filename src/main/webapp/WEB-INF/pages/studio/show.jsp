<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="${empty show ? 'New show' : show.title()}"/>
<%@ include file="parts/head.jspf" %>
<%-- What only the owner changes (who the show belongs to, its lock, a move): shown to editors, not editable. --%>
<c:set var="ownerOnly" value=""/><c:if test="${not empty show and not isOwner}"><c:set var="ownerOnly"> disabled title="Only the show&#39;s owner changes this"</c:set></c:if>
<c:choose>
<c:when test="${empty show}"><h1>New show</h1></c:when>
<c:otherwise>
<p class="crumbs"><a href="/studio">Shows</a> ›</p>
<div class="title-row"><h1><c:out value="${show.title()}"/></h1><a class="button" href="/studio/shows/${show.slug()}/statistics">Statistics</a><a class="button" href="/studio/shows/${show.slug()}/comments" id="comments-link">Comments<c:if test="${awaitingComments > 0}"> <span class="count attention" title="to review">${awaitingComments}</span></c:if></a><a class="button primary" href="/studio/shows/${show.slug()}/new-episode">New episode</a></div>
<p class="feed-url">Feed URL (give it to listeners and directories): <a href="${fn:escapeXml(show.feedUrl())}" id="feed-url"><c:out value="${show.feedUrl()}"/></a>
 · <a href="${fn:escapeXml(show.publicUrl())}">public page</a></p>
<section aria-labelledby="episodes-heading">
<h2 id="episodes-heading">Episodes</h2>
<c:choose>
<c:when test="${empty episodes}"><p class="empty">No episode yet.</p></c:when>
<c:otherwise>
<table class="episodes">
<thead><tr><th>Episode</th><th>Status</th><th>MP3 tags</th><th>Chapters</th><th></th></tr></thead>
<tbody>
<c:forEach var="e" items="${episodes}">
<tr data-episode="${e.slug()}">
<td><a href="/studio/shows/${show.slug()}/episodes/${e.slug()}"><c:out value="${e.title()}"/></a></td>
<td><span class="status status-${e.status()}">${e.status()}</span><c:if test="${not empty e.when()}"> <time datetime="${e.when()}" data-local>${e.when()}</time></c:if></td>
<td><span class="tagging tagging-${e.tagging()}" title="${fn:escapeXml(e.tagError())}">${e.tagging()}</span></td>
<td>${e.chapterCount()}</td>
<td><a href="/studio/shows/${show.slug()}/episodes/${e.slug()}/chapters">Mark chapters</a></td>
</tr>
</c:forEach>
</tbody>
</table>
</c:otherwise>
</c:choose>
</section>
<section aria-labelledby="readiness-heading" class="card readiness" id="readiness">
<h2 id="readiness-heading">${ready ? 'Ready for Apple Podcasts and Spotify' : 'Before you submit the feed to Apple Podcasts and Spotify'}</h2>
<ul class="checklist">
<c:forEach var="item" items="${readiness}">
<li class="${item.met() ? 'met' : 'missing'}"><span class="mark" aria-hidden="true">${item.met() ? '✓' : '✗'}</span>
<span class="visually-hidden">${item.met() ? 'Done:' : 'Missing:'}</span> <c:out value="${item.requirement()}"/> <span class="muted">(<c:out value="${item.who()}"/>)</span>
<c:if test="${not item.met()}"> — <c:choose><c:when test="${not empty item.href()}"><a href="${item.href()}"><c:out value="${item.fix()}"/></a></c:when><c:otherwise><c:out value="${item.fix()}"/></c:otherwise></c:choose></c:if></li>
</c:forEach>
</ul>
</section>
<section aria-labelledby="artwork-heading" class="card">
<h2 id="artwork-heading">Artwork</h2>
<c:if test="${not empty show.imageUrl()}"><img src="${fn:escapeXml(show.imageUrl())}" alt="Current artwork" class="artwork-preview" width="160" height="160"></c:if>
<form id="artwork-form" data-podcast="${show.slug()}">
<p class="form-error" role="alert" hidden></p>
<div class="field"><label for="artwork">Square JPEG or PNG, 1400 to 3000 pixels</label>
<input type="file" id="artwork" name="artwork" accept="image/jpeg,image/png" required>
<p class="field-error" data-error-for="artwork" role="alert"></p></div>
<button type="submit">Upload artwork</button> <span class="form-status" role="status"></span>
</form>
</section>
</c:otherwise>
</c:choose>
<form id="show-form" class="card api-form" novalidate
      data-create="/api/podcasts" data-update="/api/podcasts/${show.slug()}" data-etag="${fn:escapeXml(etag)}"
      data-after="/studio/shows/{slug}">
<h2>${empty show ? 'About the show' : 'Show details'}</h2>
<p class="form-error" role="alert" hidden></p>
<div class="grid">
<div class="field"><label for="f-title">Title</label><input id="f-title" name="title" maxlength="255" required><p class="field-error" data-error-for="title"></p></div>
<div class="field"><label for="f-slug">Address (slug)</label><input id="f-slug" name="slug" pattern="${slugPattern}" placeholder="from the title" aria-describedby="f-slug-note"><p class="field-error" data-error-for="slug"></p>
<c:if test="${not empty show}"><p class="muted" id="f-slug-note">If you change it, the old addresses (feed, pages, MP3s, chapters, transcripts, embedded players) keep working: they redirect to the new ones, so subscribers lose nothing.</p></c:if></div>
<div class="field wide"><label for="f-description">Description</label><textarea id="f-description" name="description" rows="5" maxlength="4000"></textarea><p class="field-error" data-error-for="description"></p></div>
<c:if test="${empty show}"><div class="field wide"><label for="f-artwork">Artwork: a square JPEG or PNG of 1400 to 3000 pixels (Apple Podcasts and Spotify need it)</label>
<input type="file" id="f-artwork" name="artwork" accept="image/jpeg,image/png"><p class="field-error" data-error-for="artwork" role="alert"></p></div></c:if>
<div class="field"><label for="f-language">Language</label><input id="f-language" name="language" list="languages" placeholder="fr" spellcheck="false" aria-describedby="f-language-note">
<datalist id="languages"><c:forEach var="l" items="${languages}"><option value="${l.tag()}"><c:out value="${l.name()}"/></option></c:forEach></datalist>
<p class="muted" id="f-language-note">Choose from the list, or type a language code (fr, en, fr-CA…).</p><p class="field-error" data-error-for="language"></p></div>
<div class="field"><label for="f-author">Author</label><input id="f-author" name="author"><p class="field-error" data-error-for="author"></p></div>
<div class="field"><label for="f-ownerName">Owner name</label><input id="f-ownerName" name="ownerName"${ownerOnly}><p class="field-error" data-error-for="ownerName"></p></div>
<div class="field"><label for="f-ownerEmail">Owner email</label><input id="f-ownerEmail" name="ownerEmail" type="email"${ownerOnly}><p class="field-error" data-error-for="ownerEmail"></p></div>
<div class="field"><label for="f-category">Apple Podcasts category</label><select id="f-category" name="category"><option value="">Choose a category</option>
<c:forEach var="c" items="${categories}"><option><c:out value="${c.key}"/></option></c:forEach></select><p class="field-error" data-error-for="category"></p></div>
<div class="field"><label for="f-subcategory">Subcategory</label><select id="f-subcategory" name="subcategory"><option value="">None</option>
<c:forEach var="c" items="${categories}"><c:if test="${not empty c.value}"><optgroup label="${fn:escapeXml(c.key)}"><c:forEach var="sub" items="${c.value}"><option><c:out value="${sub}"/></option></c:forEach></optgroup></c:if></c:forEach></select><p class="field-error" data-error-for="subcategory"></p></div>
<div class="field"><label for="f-type">Type</label><select id="f-type" name="type"><option value="episodic">Episodic (newest first)</option><option value="serial">Serial (in order)</option></select><p class="field-error" data-error-for="type"></p></div>
<div class="field"><label for="f-medium">Medium</label><select id="f-medium" name="medium"><option>podcast</option><option>music</option><option>video</option><option>film</option><option>audiobook</option><option>newsletter</option><option>blog</option></select><p class="field-error" data-error-for="medium"></p></div>
<div class="field"><label for="f-link">Website</label><input id="f-link" name="link" type="url" placeholder="https://"><p class="field-error" data-error-for="link"></p></div>
<div class="field"><label for="f-copyright">Copyright</label><input id="f-copyright" name="copyright"><p class="field-error" data-error-for="copyright"></p></div>
<div class="field check"><label><input type="checkbox" id="f-explicit" name="explicit" data-kind="bool"> Explicit content</label><p class="field-error" data-error-for="explicit"></p></div>
<div class="field check"><label><input type="checkbox" name="locked" data-kind="bool"${empty show ? ' checked' : ''}${ownerOnly}> Locked (other platforms may not import this feed)</label><p class="field-error" data-error-for="locked"></p></div>
<c:if test="${not empty show}"><div class="field wide"><label for="f-redirectTo">Moved to another host: its new feed address</label><input id="f-redirectTo" name="redirectTo" type="url" placeholder="https://… (empty: the show is here)" aria-describedby="f-redirectTo-note"${ownerOnly}><p class="field-error" data-error-for="redirectTo"></p>
<p class="muted" id="f-redirectTo-note">Once set, this show's feed answers with a permanent redirect (301) there and carries <code>itunes:new-feed-url</code>: apps follow the show. Keep it for four weeks or more.</p></div></c:if>
</div>
<%@ include file="parts/persons.jspf" %>
<button type="submit" class="primary">${empty show ? 'Create the show' : 'Save'}</button> <span class="form-status" role="status"></span>
</form>
<c:if test="${not empty show}">
<section class="card" id="team" aria-labelledby="team-heading" data-api="/api/podcasts/${show.slug()}/team" data-me="${myId}">
<h2 id="team-heading">Team</h2>
<p class="muted">Editors see and change the show and its episodes like its owner; only the owner deletes the show or changes its team.</p>
<p class="form-error" role="alert" hidden></p>
<table class="team"><thead><tr><th>Producer</th><th>Role</th><th></th></tr></thead><tbody>
<c:forEach var="m" items="${team}"><tr data-producer="${m.producerId()}"><td><c:out value="${m.name()}"/> <span class="muted"><c:out value="${m.email()}"/></span></td>
<td>${m.role()}${m.invited() ? ' (invited, has not answered yet)' : ''}</td>
<td><c:choose><c:when test="${m.role() eq 'owner'}"></c:when>
<c:when test="${m.producerId() eq myId}"><button type="button" data-remove="${m.producerId()}" data-leave>Leave this show</button></c:when>
<c:when test="${isOwner}"><button type="button" data-remove="${m.producerId()}">${m.invited() ? 'Withdraw the invitation' : 'Remove'}</button></c:when></c:choose></td></tr></c:forEach>
</tbody></table>
<c:if test="${isOwner}"><form id="invite-form" class="api-form inline" novalidate>
<p class="form-error" role="alert" hidden></p>
<label for="i-email">Invite a producer as editor, by the email of their account</label> <input id="i-email" name="email" type="email" autocomplete="off">
<button type="submit">Invite</button> <span class="form-status" role="status"></span>
<p class="field-error" data-error-for="email"></p>
</form></c:if>
</section>
</c:if>
<c:if test="${not empty show and isOwner}">
<section class="card deletion" aria-labelledby="delete-heading" data-kind="show" data-title="${fn:escapeXml(show.title())}"
         data-url="/api/podcasts/${show.slug()}" data-after="/studio" data-ratings="/api/podcasts/${show.slug()}/ratings"
         data-stats="/api/podcasts/${show.slug()}/stats" data-episodes="${fn:length(episodes)}">
<h2 id="delete-heading">Delete this show</h2>
<p class="form-error" role="alert" hidden></p>
<button type="button" data-delete-start>Delete the show…</button>
<div class="conflict" role="alertdialog" aria-labelledby="delete-text" hidden>
<p id="delete-text"></p>
<button type="button" data-delete-yes class="primary">Delete the show for good</button>
<button type="button" data-delete-no>Keep it</button>
</div>
</section>
</c:if>
<%@ include file="parts/foot.jspf" %>
