#!/usr/bin/env bash
# Checks the realm against a real Keycloak without Docker: fetches keycloak-quarkus-dist from Maven
# Central, imports pathways-realm.json, gets tokens for demo users by password grant, and runs the
# packaged referral-service in profile 'keycloak' against it:
#   - an FCP's Keycloak token is accepted (201 on POST /referrals),
#   - a provider's is refused with 403, a local-demo dev token with 401.
# Needs the platform built (./mvnw package) and PostgreSQL; uses ports 8180 and 18082.
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
