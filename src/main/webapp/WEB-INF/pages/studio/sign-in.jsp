<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Sign in"/>
<%@ include file="parts/head.jspf" %>
<h1>Sign in to the studio</h1>
<form method="post" action="/studio/sign-in" class="card narrow" id="sign-in">
<input type="hidden" name="csrf" value="${fn:escapeXml(signInToken)}">
<input type="hidden" name="next" value="${fn:escapeXml(next)}">
<c:if test="${not empty error}"><p class="form-error" role="alert" id="sign-in-error"><c:out value="${error}"/></p></c:if>
<label>Email <input type="email" name="email" value="${fn:escapeXml(email)}" autocomplete="username" required autofocus></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit" class="primary">Sign in</button>
</form>
<%@ include file="parts/foot.jspf" %>
