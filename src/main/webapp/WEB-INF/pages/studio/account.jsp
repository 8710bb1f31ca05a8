<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Your account"/>
<%@ include file="parts/head.jspf" %>
<h1>Your account</h1>
<p><c:out value="${producerName}"/> · <c:out value="${producerEmail}"/></p>
<form id="password-form" class="card api-form narrow" novalidate data-update="/api/me/password">
<h2>Change your password</h2>
<p class="form-error" role="alert" hidden></p>
<div class="field"><label for="a-current">Current password</label><input id="a-current" name="currentPassword" type="password" autocomplete="current-password" required><p class="field-error" data-error-for="currentPassword"></p></div>
<div class="field"><label for="a-new">New password (10 characters or more)</label><input id="a-new" name="newPassword" type="password" autocomplete="new-password" minlength="10" required><p class="field-error" data-error-for="newPassword"></p></div>
<div class="field"><label for="a-repeat">The new password again</label><input id="a-repeat" name="repeat" type="password" autocomplete="new-password" required><p class="field-error" data-error-for="repeat"></p></div>
<p class="muted">Your other browsers are signed out; this one stays signed in. API tokens keep working: revoke them below.</p>
<button type="submit" class="primary">Change the password</button> <span class="form-status" role="status"></span>
</form>
<section class="card" aria-labelledby="tokens-heading" id="tokens" data-api="/api/tokens">
<h2 id="tokens-heading">API tokens</h2>
<p class="muted">For scripts and tools that publish for you (<code>Authorization: Bearer …</code>, see the API guide). Each one can do everything you can; revoke one as soon as it is no longer used.</p>
<c:choose><c:when test="${empty tokens}"><p class="empty" id="no-tokens">No token yet.</p></c:when><c:otherwise>
<table class="tokens"><thead><tr><th>Name</th><th>Created</th><th></th></tr></thead><tbody>
<c:forEach var="t" items="${tokens}"><tr data-token="${t.id()}"><td><c:out value="${empty t.label() ? '(no name)' : t.label()}"/></td>
<td><time datetime="${t.createdAt()}" data-local>${t.createdAt()}</time></td>
<td><button type="button" data-revoke="${t.id()}">Revoke</button></td></tr></c:forEach>
</tbody></table></c:otherwise></c:choose>
<form id="token-form" class="api-form inline" novalidate>
<p class="form-error" role="alert" hidden></p>
<label for="t-label">Name of a new token</label> <input id="t-label" name="label" maxlength="100" placeholder="e.g. Auphonic upload script">
<button type="submit">Create a token</button> <span class="form-status" role="status"></span>
<p class="field-error" data-error-for="label"></p>
</form>
<div id="new-token" class="conflict" role="status" hidden>
<p>Your new token, shown this once (only its fingerprint is kept): copy it now.</p>
<input id="new-token-value" readonly spellcheck="false" size="50">
</div>
</section>
<%@ include file="parts/foot.jspf" %>
