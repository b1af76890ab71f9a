#!/usr/bin/env bash
# Checks the realm against a real Keycloak without Docker: fetches keycloak-quarkus-dist from Maven
# Central, imports pathways-realm.json, gets tokens for demo users by password grant, and runs the
# packaged referral-service in profile 'keycloak' against it:
#   - an FCP's Keycloak token is accepted (201 on POST /referrals),
#   - a provider's is refused with 403, a local-demo dev token with 401;
# and the packaged web pages in the same profile against it (client pathways-web, code flow):
#   - a page sends the browser to Keycloak's login, the demo user signs in there, comes back to the page
#     with a session cookie (Secure, HttpOnly, SameSite=Lax), and the page shows data the referral
#     service gave for that user's token; the local-demo sign-in page is 404.
# Needs the platform built (./mvnw package) and PostgreSQL; uses ports 8180, 18082 and 8080 (the web
# client's registered redirect address).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/bin/env"
version=26.4.7
work=$root/.local-run/keycloak
zip=$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip
[ -f "$zip" ] || "$root/mvnw" -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
  -Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip -Dtransitive=false
rm -rf "$work" && mkdir -p "$work" && (cd "$work" && jar xf "$zip") && chmod +x "$work/keycloak-$version/bin/"*.sh
mkdir -p "$work/keycloak-$version/data/import" && cp "$root/deploy/keycloak/pathways-realm.json" "$work/keycloak-$version/data/import/"
"$root/bin/ensure-postgres"
psql -h 127.0.0.1 -U postgres -tc "select 1 from pg_roles where rolname = 'pathways_referral'" | grep -q 1 \
  || psql -q -h 127.0.0.1 -U postgres -c "create role pathways_referral login password 'pathways_referral'"
psql -h 127.0.0.1 -U postgres -tc "select 1 from pg_database where datname = 'pathways_referral'" | grep -q 1 \
  || psql -q -h 127.0.0.1 -U postgres -c "create database pathways_referral owner pathways_referral"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$work/keycloak-$version/bin/kc.sh" start-dev --http-port 8180 --import-realm > "$work/keycloak.log" 2>&1 &
pids+=($!)
QUARKUS_PROFILE=keycloak PATHWAYS_OIDC_ISSUER=http://localhost:8180/realms/pathways QUARKUS_HTTP_PORT=18082 \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/pathways_referral \
  java -jar "$root/referral-service/target/quarkus-app/quarkus-run.jar" > "$work/referral-service.log" 2>&1 &
pids+=($!)
token() {
  curl -sf -X POST http://localhost:8180/realms/pathways/protocol/openid-connect/token \
    -d grant_type=password -d client_id=pathways-cli -d username="$1" -d password=demo \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
for _ in $(seq 1 120); do curl -sf -o /dev/null http://localhost:8180/realms/pathways/.well-known/openid-configuration && break; sleep 1; done
for _ in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:18082/q/health/live && break; sleep 1; done
body='{"patient":{"nhsNumber":"'"$("$root/bin/test-nhs-number")"'","name":"Realm Check","dateOfBirth":"1956-03-14","postcode":"LS6 2AB"},"reason":{"system":"http://snomed.info/sct","code":"239873007"}}'
status() { curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1:18082/referrals -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$body"; }
fcp=$(status "$(token fcp-leeds)"); provider=$(status "$(token provider-leeds)"); dev=$(status "$("$root/bin/dev-token" referrer B86030)")
echo "fcp-leeds (Keycloak): $fcp (want 201)  provider-leeds (Keycloak): $provider (want 403)  dev token: $dev (want 401)"
[ "$fcp" = 201 ] && [ "$provider" = 403 ] && [ "$dev" = 401 ]

# The web pages: authorization code flow, as a browser does it (curl with a cookie jar).
QUARKUS_PROFILE=keycloak PATHWAYS_OIDC_ISSUER=http://localhost:8180/realms/pathways QUARKUS_HTTP_PORT=8080 \
  QUARKUS_HTTP_HOST=127.0.0.1 PATHWAYS_WEB_CLIENT_SECRET=pathways-web-demo-secret \
  PATHWAYS_REFERRAL_URL=http://127.0.0.1:18082 \
  java -jar "$root/web/target/quarkus-app/quarkus-run.jar" > "$work/web.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:8080/q/health/ready && break; sleep 1; done
jar=$work/cookies.txt; rm -f "$jar"
login=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' http://localhost:8080/fcp)
case "$login" in http://localhost:8180/realms/pathways/protocol/openid-connect/auth*client_id=pathways-web*) ;;
  *) echo "web: /fcp did not send the browser to Keycloak's login (got '$login')"; exit 1 ;; esac
form=$(curl -s -L -c "$jar" -b "$jar" "$login")
action=$(printf '%s' "$form" | grep -o 'action="[^"]*login-actions/authenticate[^"]*"' | head -n 1 | sed 's/^action="//; s/"$//; s/&amp;/\&/g')
[ -n "$action" ] || { echo "web: no login form on Keycloak's page"; exit 1; }
page=$(curl -s -L -c "$jar" -b "$jar" -o "$work/fcp.html" -w '%{http_code} %{url_effective}' \
  --data-urlencode username=fcp-leeds --data-urlencode password=demo "$action")
# Netscape cookie-jar lines: "#HttpOnly_" prefix for HttpOnly, 4th field TRUE for Secure.
session=$(grep -E '^#HttpOnly_localhost' "$jar" | awk '$4 == "TRUE" && $6 ~ /^q_session/' | wc -l)
echo "web: signed in through Keycloak -> $page (want 200 http://localhost:8080/fcp); session cookies: $session"
[ "${page%% *}" = 200 ] && [ "${page#* }" = http://localhost:8080/fcp ] && [ "$session" -ge 1 ]
grep -q 'FCP · B86030' "$work/fcp.html" || { echo "web: the page does not show the signed-in FCP"; exit 1; }
# The practice's referrals, read from referral-service with the forwarded token (the one made above among them).
rows=$(grep -c 'nhsuk-table__cell">Knee<' "$work/fcp.html" || true)
echo "web: the practice's referrals listed: $rows (want at least 1)"
[ "$rows" -ge 1 ]
demo=$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/sign-in)
echo "web: local-demo sign-in page: $demo (want 404)"
[ "$demo" = 404 ]
