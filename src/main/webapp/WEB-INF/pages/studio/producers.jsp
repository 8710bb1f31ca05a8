<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Producers"/>
<%@ include file="parts/head.jspf" %>
<h1>Producers</h1>
<table class="producers">
<thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Signed in, tokens</th><th>Reset the password</th></tr></thead>
<tbody>
<c:forEach var="p" items="${producers}">
<c:set var="a" value="${access[p.id()]}"/>
<tr data-producer="${p.id()}"><td><c:out value="${p.name()}"/></td><td><c:out value="${p.email()}"/></td><td>${p.isAdmin() ? 'admin' : 'producer'}</td>
<td class="access"><span class="sessions">${fn:length(a.sessions())} browser${fn:length(a.sessions()) eq 1 ? '' : 's'} signed in</span>
<c:if test="${not empty a.sessions()}"> <button type="button" data-end-sessions="/api/producers/${p.id()}/sessions">Sign out everywhere</button></c:if>
<c:if test="${not empty a.tokens()}"><ul class="tokens"><c:forEach var="t" items="${a.tokens()}"><li><c:out value="${empty t.label() ? '(no name)' : t.label()}"/>
 <span class="muted">(<time datetime="${t.createdAt()}" data-local>${t.createdAt()}</time>)</span>
 <button type="button" data-revoke-token="/api/producers/${p.id()}/tokens/${t.id()}">Revoke</button></li></c:forEach></ul></c:if>
<p class="form-error" role="alert" hidden></p></td>
<td><form class="api-form reset-form inline" novalidate data-update="/api/producers/${p.id()}/password" data-method="PUT">
<p class="form-error" role="alert" hidden></p>
<label class="visually-hidden" for="reset-${p.id()}">New password for <c:out value="${p.email()}"/></label>
<input type="password" id="reset-${p.id()}" name="password" autocomplete="new-password" minlength="10" placeholder="new password">
<button type="submit">Set</button> <span class="form-status" role="status"></span>
<p class="field-error" data-error-for="password"></p></form></td></tr>
</c:forEach>
</tbody>
</table>
<form id="producer-form" class="card api-form narrow" novalidate data-create="/api/producers" data-after="/studio/producers">
<h2>Add a producer</h2>
<p class="form-error" role="alert" hidden></p>
<div class="field"><label for="p-name">Name</label><input id="p-name" name="name" required><p class="field-error" data-error-for="name"></p></div>
<div class="field"><label for="p-email">Email (their sign-in)</label><input id="p-email" name="email" type="email" required><p class="field-error" data-error-for="email"></p></div>
<div class="field"><label for="p-password">Initial password (10 characters or more; tell it to them)</label><input id="p-password" name="password" type="text" autocomplete="off" required><p class="field-error" data-error-for="password"></p></div>
<button type="submit" class="primary">Add</button> <span class="form-status" role="status"></span>
</form>
<form id="backup-form" class="card api-form narrow" novalidate data-backup="/api/admin/backups">
<h2>Backup</h2>
<p>One archive of the whole platform, taken while it runs: every show, episode, chapter, rating, download statistic and
producer (passwords and tokens included), with a list of the media files and their SHA-256. Keep it somewhere safe: it
holds the producers' password hashes and tokens. The media files themselves are copied from the server, or included
with <code>POST /api/admin/backups?media=true</code>; restoring is described in the operations guide (<code>docs/operations.md</code>).</p>
<p class="form-error" role="alert" hidden></p>
<button type="submit" class="primary">Download a backup</button> <span class="form-status" role="status"></span>
</form>
<%@ include file="parts/foot.jspf" %>
