<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<fmt:message key="import.title" var="pageTitle"/>
<%@ include file="parts/head.jspf" %>
<p class="crumbs"><a href="/studio"><fmt:message key="nav.shows"/></a> ›</p>
<h1><fmt:message key="shows.import"/></h1>
<p class="muted"><fmt:message key="import.intro"/></p>
<form id="import-form" class="card api-form" novalidate>
<p class="form-error" role="alert" hidden></p>
<div class="field wide"><label for="i-feedUrl"><fmt:message key="import.feedUrl"/></label>
<input id="i-feedUrl" name="feedUrl" type="url" placeholder="https://…/feed.xml" required>
<p class="field-error" data-error-for="feedUrl"></p></div>
<button type="submit" class="primary"><fmt:message key="import.preview"/></button> <span class="form-status" role="status"></span>
</form>
<section id="import-preview" class="card" hidden aria-live="polite"></section>
<section id="import-job" class="card" hidden aria-live="polite"></section>
<%@ include file="parts/foot.jspf" %>
