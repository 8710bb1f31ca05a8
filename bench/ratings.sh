#!/usr/bin/env bash
# Benchmark: 2,000 rating submissions from 50 concurrent listeners with distinct identities
# (address through X-Forwarded-For from a trusted proxy, User-Agent, cookies), each as a browser
# without JavaScript does it: GET the page (cookie + CSRF token), POST the form. Checks that
# exactly 2,000 ratings are stored and that the average the API reports is the exact one, on each
# database (bench/databases.sh: the embedded H2 and PostgreSQL in the same run), and fails if not.
# Usage: [RATINGS=2000] [CLIENTS=50] [JAR=target/chapitre.jar] [DATABASES="h2 postgresql"] bench/ratings.sh
# Needs: the jar, curl, python3, Debian's postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/databases.sh
bench_init ratings

# The listeners, then the check: the exact count and mean of the stars they sent.
rate_concurrently() {
    local db=$1
    python3 - "$BASE" "$ADMIN" "$PASSWORD" "${RATINGS:-2000}" "${CLIENTS:-50}" "$WORK/$db.rate" <<'PY'
import base64, concurrent.futures, http.cookiejar, json, random, re, sys, time, urllib.parse, urllib.request
base, user, password, total, clients, result = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
page = base + "/podcasts/noter"
random.seed(7)
stars = [random.randint(1, 5) for _ in range(total)]

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

def rate(i):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    headers = {"X-Forwarded-For": f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}", "User-Agent": f"bench-listener-{i}"}
    html = opener.open(urllib.request.Request(page, headers=headers)).read().decode()
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
    form = urllib.parse.urlencode({"csrf": token, "stars": stars[i], "comment": f"Note {i} – très bien"}).encode()
    try:
        opener.open(urllib.request.Request(page + "/ratings", data=form, headers=headers))
    except urllib.error.HTTPError as answer:
        if answer.code != 303:
            raise SystemExit(f"rating {i}: HTTP {answer.code}")

start = time.monotonic()
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    list(pool.map(rate, range(total)))
elapsed = time.monotonic() - start

auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
summary = json.load(urllib.request.urlopen(urllib.request.Request(base + "/api/podcasts/noter/ratings", headers={"Authorization": auth})))
expected = sum(stars) / total
print(f"{total} ratings from {clients} concurrent clients in {elapsed:.1f} s: {total / elapsed:.0f} ratings/s "
      f"(each a GET of the page and a POST of the form)")
print(f"stored: {summary['count']} (expected {total}); average {summary['average']!r} (expected {expected!r})")
if summary["count"] != total or abs(summary["average"] - expected) > 1e-12:
    raise SystemExit("MISMATCH")
open(result, "w").write(f"{total / elapsed}\n")
PY
}

for db in $DATABASES; do
    echo "== $db"
    chapitre_start "$db" CHAPITRE_TRUSTED_PROXIES=127.0.0.1 CHAPITRE_RATING_LIMIT_PER_MINUTE=1000000
    curl -fs -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' -d '{"title":"Noter","slug":"noter","language":"fr"}' \
        "$BASE/api/podcasts" >/dev/null
    rate_concurrently "$db"
    chapitre_stop
done
print_ratio rate "${RATINGS:-2000} ratings from ${CLIENTS:-50} concurrent clients" ratings/s
