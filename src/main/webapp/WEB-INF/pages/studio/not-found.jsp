<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="notFound.title" var="pageTitle"/>
<%@ include file="parts/head.jspf" %>
<h1><fmt:message key="notFound.title"/></h1>
<p><fmt:message key="notFound.text"/> <a href="/studio"><fmt:message key="back.shows"/></a>.</p>
<%@ include file="parts/foot.jspf" %>
