<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="account.title" var="pageTitle"/>
<%@ include file="parts/head.jspf" %>
<h1><fmt:message key="account.title"/></h1>
<p><c:out value="${producerName}"/> · <c:out value="${producerEmail}"/></p>
<form id="password-form" class="card api-form narrow" novalidate data-update="/api/me/password">
<h2><fmt:message key="account.password"/></h2>
<p class="form-error" role="alert" hidden></p>
<div class="field"><label for="a-current"><fmt:message key="account.current"/></label><input id="a-current" name="currentPassword" type="password" autocomplete="current-password" required><p class="field-error" data-error-for="currentPassword"></p></div>
<div class="field"><label for="a-new"><fmt:message key="account.new"/></label><input id="a-new" name="newPassword" type="password" autocomplete="new-password" minlength="10" required><p class="field-error" data-error-for="newPassword"></p></div>
<div class="field"><label for="a-repeat"><fmt:message key="account.repeat"/></label><input id="a-repeat" name="repeat" type="password" autocomplete="new-password" required><p class="field-error" data-error-for="repeat"></p></div>
<p class="muted"><fmt:message key="account.passwordNote"/></p>
<button type="submit" class="primary"><fmt:message key="account.change"/></button> <span class="form-status" role="status"></span>
</form>
<section class="card" aria-labelledby="tokens-heading" id="tokens" data-api="/api/tokens">
<h2 id="tokens-heading"><fmt:message key="account.tokens"/></h2>
<p class="muted"><fmt:message key="account.tokensNote"/></p>
<c:choose><c:when test="${empty tokens}"><p class="empty" id="no-tokens"><fmt:message key="account.noToken"/></p></c:when><c:otherwise>
<table class="tokens"><thead><tr><th><fmt:message key="account.tokenName"/></th><th><fmt:message key="account.created"/></th><th></th></tr></thead><tbody>
<c:forEach var="t" items="${tokens}"><tr data-token="${t.id()}"><td><c:choose><c:when test="${empty t.label()}"><fmt:message key="account.noName"/></c:when><c:otherwise><c:out value="${t.label()}"/></c:otherwise></c:choose></td>
<td><time datetime="${t.createdAt()}" data-local>${t.createdAt()}</time></td>
<td><button type="button" data-revoke="${t.id()}"><fmt:message key="account.revoke"/></button></td></tr></c:forEach>
</tbody></table></c:otherwise></c:choose>
<form id="token-form" class="api-form inline" novalidate>
<p class="form-error" role="alert" hidden></p>
<label for="t-label"><fmt:message key="account.newToken"/></label> <input id="t-label" name="label" maxlength="100" placeholder="<fmt:message key='account.tokenExample'/>">
<button type="submit"><fmt:message key="account.createToken"/></button> <span class="form-status" role="status"></span>
<p class="field-error" data-error-for="label"></p>
</form>
<div id="new-token" class="conflict" role="status" hidden>
<p><fmt:message key="account.newTokenShown"/></p>
<input id="new-token-value" readonly spellcheck="false" size="50">
</div>
</section>
<%@ include file="parts/foot.jspf" %>
