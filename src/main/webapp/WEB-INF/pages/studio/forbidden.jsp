<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Not allowed"/>
<%@ include file="parts/head.jspf" %>
<h1>Not allowed</h1>
<p>Only the administrator can manage producers. <a href="/studio">Back to your shows</a>.</p>
<%@ include file="parts/foot.jspf" %>
