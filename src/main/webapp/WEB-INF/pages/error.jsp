<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" session="false" %>
<%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<fmt:setBundle basename="dev.chapitre.web.messages"/>
<fmt:message key="${errorKey}.title" var="pageTitle"/>
<%@ include file="parts/head.jspf" %>
<h1><c:out value="${pageTitle}"/></h1>
<p><fmt:message key="${errorKey}.text"/></p>
<p><a href="/"><fmt:message key="error.home"/></a></p>
<%@ include file="parts/foot.jspf" %>
