<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Not found"/>
<%@ include file="parts/head.jspf" %>
<h1>Not found</h1>
<p>There is nothing of yours at this address. <a href="/studio">Back to your shows</a>.</p>
<%@ include file="parts/foot.jspf" %>
