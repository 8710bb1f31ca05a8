<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="signIn.title" var="pageTitle"/>
<%@ include file="parts/head.jspf" %>
<h1><fmt:message key="signIn.heading"/></h1>
<form method="post" action="/studio/sign-in" class="card narrow" id="sign-in">
<input type="hidden" name="csrf" value="${fn:escapeXml(signInToken)}">
<input type="hidden" name="next" value="${fn:escapeXml(next)}">
<c:if test="${not empty error}"><p class="form-error" role="alert" id="sign-in-error"><fmt:message key="${error}"><fmt:param value="${errorArgument}"/></fmt:message></p></c:if>
<label><fmt:message key="signIn.email"/> <input type="email" name="email" value="${fn:escapeXml(email)}" autocomplete="username" required autofocus></label>
<label><fmt:message key="signIn.password"/> <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit" class="primary"><fmt:message key="signIn.submit"/></button>
</form>
<%@ include file="parts/foot.jspf" %>
