<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%@ include file="parts/taglibs.jspf" %>
<c:set var="pageTitle" value="Import a show"/>
<%@ include file="parts/head.jspf" %>
<p class="crumbs"><a href="/studio">Shows</a> ›</p>
<h1>Import a show from another host</h1>
<p class="muted">Give the address of the show's RSS feed at its current host. Chapitre shows what it found first; then it brings
over every episode with its audio, its guid and date (apps see no new episodes), its chapters from every source (the
<code>podcast:chapters</code> file, Podlove chapters, the MP3's own ID3 chapters, timestamps in the notes), and a report of
anything that needs your attention.</p>
<form id="import-form" class="card api-form" novalidate>
<p class="form-error" role="alert" hidden></p>
<div class="field wide"><label for="i-feedUrl">Feed address</label>
<input id="i-feedUrl" name="feedUrl" type="url" placeholder="https://…/feed.xml" required>
<p class="field-error" data-error-for="feedUrl"></p></div>
<button type="submit" class="primary">Preview</button> <span class="form-status" role="status"></span>
</form>
<section id="import-preview" class="card" hidden aria-live="polite"></section>
<section id="import-job" class="card" hidden aria-live="polite"></section>
<%@ include file="parts/foot.jspf" %>
