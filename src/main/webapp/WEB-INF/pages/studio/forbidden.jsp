<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="forbidden.title" var="pageTitle"/>
<%@ include file="parts/head.jspf" %>
<h1><fmt:message key="forbidden.title"/></h1>
<p><fmt:message key="forbidden.text"/> <a href="/studio"><fmt:message key="back.shows"/></a>.</p>
<%@ include file="parts/foot.jspf" %>
