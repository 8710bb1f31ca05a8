#!/usr/bin/env bash
# Compiles the JSPs ahead of time, with the JSP compiler Payara Micro itself runs (WaSP), so that
# no page waits for javac on its first request after a start (issue 20's warm start; numbers in
# docs/performance.md). Run by Maven at prepare-package:
#   precompile-pages.sh LIB WEBAPP OUT
# LIB: the compiler and what the pages use (WaSP, JSTL, an EL implementation, the Jakarta EE API);
# WEBAPP: src/main/webapp; OUT: gets classes/ (the page servlets, for WEB-INF/classes) and
# precompiled-pages.properties (address → servlet class, which PrecompiledPages registers at start).
# Fragments (*.jspf) are compiled into the pages that include them, never alone.
set -euo pipefail
lib=$1 webapp=$2 out=$3
rm -rf "$out/src" "$out/classes" "$out/precompiled-pages.properties"
mkdir -p "$out/src" "$out/classes"
mapfile -t pages < <(cd "$webapp" && find . -name '*.jsp' | sed 's|^\./||' | sort)
java -cp "$lib/*" org.glassfish.wasp.JspC -uriroot "$webapp" -d "$out/src" -p dev.chapitre.web.pages \
    -webinc "$out/servlets.xml" -compile -die1 "${pages[@]}" 2>&1 | { grep -v '^INFO: Built File\|org.glassfish.wasp.JspC processFile$' || true; }
(cd "$out/src" && find . -name '*.class' -exec cp --parents {} "$out/classes" \;)
# <servlet-class>C</servlet-class> … <url-pattern>/P.jsp</url-pattern> → /P.jsp=C
awk -F'[<>]' '/<servlet-name>/ { name = $3 }
              /<url-pattern>/ { print $3 "=" name }' "$out/servlets.xml" | sort -u > "$out/precompiled-pages.properties"
count=$(wc -l < "$out/precompiled-pages.properties")
[[ $count -eq ${#pages[@]} ]] || { echo "precompiled $count pages of ${#pages[@]}" >&2; exit 1; }
echo "precompiled ${#pages[@]} pages"
