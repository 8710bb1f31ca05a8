<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="nav.producers" var="pageTitle"/>
<%@ include file="parts/head.jspf" %>
<h1><fmt:message key="nav.producers"/></h1>
<table class="producers">
<thead><tr><th><fmt:message key="account.tokenName"/></th><th><fmt:message key="signIn.email"/></th><th><fmt:message key="producers.role"/></th><th><fmt:message key="producers.access"/></th><th><fmt:message key="producers.reset"/></th></tr></thead>
<tbody>
<c:forEach var="p" items="${producers}">
<c:set var="a" value="${access[p.id()]}"/>
<tr data-producer="${p.id()}"><td><c:out value="${p.name()}"/></td><td><c:out value="${p.email()}"/></td><td><fmt:message key="${p.isAdmin() ? 'producers.admin' : 'producers.producer'}"/></td>
<td class="access"><span class="sessions"><fmt:message key="producers.sessions"><fmt:param value="${fn:length(a.sessions())}"/></fmt:message></span>
<c:if test="${not empty a.sessions()}"> <button type="button" data-end-sessions="/api/producers/${p.id()}/sessions"><fmt:message key="producers.endSessions"/></button></c:if>
<c:if test="${not empty a.tokens()}"><ul class="tokens"><c:forEach var="t" items="${a.tokens()}"><li><c:choose><c:when test="${empty t.label()}"><fmt:message key="account.noName"/></c:when><c:otherwise><c:out value="${t.label()}"/></c:otherwise></c:choose>
 <span class="muted">(<time datetime="${t.createdAt()}" data-local>${t.createdAt()}</time>)</span>
 <button type="button" data-revoke-token="/api/producers/${p.id()}/tokens/${t.id()}"><fmt:message key="account.revoke"/></button></li></c:forEach></ul></c:if>
<p class="form-error" role="alert" hidden></p></td>
<td><form class="api-form reset-form inline" novalidate data-update="/api/producers/${p.id()}/password" data-method="PUT">
<p class="form-error" role="alert" hidden></p>
<label class="visually-hidden" for="reset-${p.id()}"><fmt:message key="producers.newPasswordFor"><fmt:param><c:out value="${p.email()}"/></fmt:param></fmt:message></label>
<input type="password" id="reset-${p.id()}" name="password" autocomplete="new-password" minlength="10" placeholder="<fmt:message key='producers.newPassword'/>">
<button type="submit"><fmt:message key="producers.set"/></button> <span class="form-status" role="status"></span>
<p class="field-error" data-error-for="password"></p></form></td></tr>
</c:forEach>
</tbody>
</table>
<form id="producer-form" class="card api-form narrow" novalidate data-create="/api/producers" data-after="/studio/producers">
<h2><fmt:message key="producers.add"/></h2>
<p class="form-error" role="alert" hidden></p>
<div class="field"><label for="p-name"><fmt:message key="account.tokenName"/></label><input id="p-name" name="name" required><p class="field-error" data-error-for="name"></p></div>
<div class="field"><label for="p-email"><fmt:message key="producers.email"/></label><input id="p-email" name="email" type="email" required><p class="field-error" data-error-for="email"></p></div>
<div class="field"><label for="p-password"><fmt:message key="producers.initialPassword"/></label><input id="p-password" name="password" type="text" autocomplete="off" required><p class="field-error" data-error-for="password"></p></div>
<button type="submit" class="primary"><fmt:message key="producers.addButton"/></button> <span class="form-status" role="status"></span>
</form>
<form id="backup-form" class="card api-form narrow" novalidate data-backup="/api/admin/backups">
<h2><fmt:message key="backup.title"/></h2>
<p><fmt:message key="backup.text"/></p>
<p class="form-error" role="alert" hidden></p>
<button type="submit" class="primary"><fmt:message key="backup.download"/></button> <span class="form-status" role="status"></span>
</form>
<%@ include file="parts/foot.jspf" %>
