#!/usr/bin/env bash
# Prints an access token of a user of the realm "concert", for calling the concert service from the command line:
#
#   docker/keycloak/user-token.sh alice alice [http://localhost:8180]
#   curl -H "Authorization: Bearer $(docker/keycloak/user-token.sh alice alice)" http://localhost:8080/...
#
# The client concert-web has no password grant, so this does what a browser does: the authorization code flow
# with PKCE (S256). It opens the login page, posts the login form, takes the code from the redirect to
# http://localhost:8080/callback (nothing needs to listen there) and trades it for tokens.
# The third argument is Keycloak's base URL (default http://localhost:8180).
# Needs bash, curl, openssl, sed and grep.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 USERNAME PASSWORD [KEYCLOAK_BASE_URL]" >&2
  exit 2
fi

username=$1
password=$2
base=${3:-http://localhost:8180}
base=${base%/}
realm_url="$base/realms/concert"
client_id=concert-web
redirect_uri=http://localhost:8080/callback

fail() {
  echo "user-token.sh: $*" >&2
  exit 1
}

# base64url without padding, of standard input
b64url() {
  openssl base64 -A | sed -e 's/+/-/g' -e 's#/#_#g' -e 's/=*$//'
}

# the login session lives in cookies between the requests
cookies=$(mktemp)
trap 'rm -f "$cookies"' EXIT

# PKCE: a random verifier, and its SHA-256 as the challenge; a random state ties the redirect to this run
code_verifier=$(openssl rand 48 | b64url)
code_challenge=$(printf '%s' "$code_verifier" | openssl dgst -sha256 -binary | b64url)
state=$(openssl rand 16 | b64url)

# 1. the authorization endpoint answers with the login page
login_page=$(curl -sS -f -c "$cookies" -b "$cookies" -G "$realm_url/protocol/openid-connect/auth" \
  --data-urlencode response_type=code \
  --data-urlencode "client_id=$client_id" \
  --data-urlencode "redirect_uri=$redirect_uri" \
  --data-urlencode scope=openid \
  --data-urlencode "state=$state" \
  --data-urlencode "code_challenge=$code_challenge" \
  --data-urlencode code_challenge_method=S256) || fail "no login page from $realm_url"

# 2. the login form's action (HTML-escaped in the page); its path is kept and sent to the base URL given,
# so that the cookies of step 1 go along even when Keycloak names itself by another host name
action=$(printf '%s' "$login_page" | grep -o 'id="kc-form-login"[^>]*action="[^"]*"' | sed -e 's/.*action="//' -e 's/"$//' \
  -e 's/&amp;/\&/g') || fail "no login form in the page from $realm_url"
action_path=/${action#*://*/}

# the form answers a good login with a redirect to redirect_uri, carrying the code; a bad one with the form again
location=$(curl -sS -c "$cookies" -b "$cookies" -o /dev/null -w '%{redirect_url}' "$base$action_path" \
  --data-urlencode "username=$username" \
  --data-urlencode "password=$password" \
  --data-urlencode credentialId=) || fail "the login form could not be posted"
[[ $location == "$redirect_uri"* ]] || fail "login failed for $username (wrong password, or the account needs an action)"
returned_state=$(printf '%s' "$location" | grep -o '[?&]state=[^&]*' | sed 's/^.state=//') || true
[[ $returned_state == "$state" ]] || fail "the redirect's state does not match"
code=$(printf '%s' "$location" | grep -o '[?&]code=[^&]*' | sed 's/^.code=//') || fail "no code in the redirect: $location"

# 3. the code and the verifier are traded for tokens at the token endpoint
tokens=$(curl -sS "$realm_url/protocol/openid-connect/token" \
  --data-urlencode grant_type=authorization_code \
  --data-urlencode "client_id=$client_id" \
  --data-urlencode "code=$code" \
  --data-urlencode "redirect_uri=$redirect_uri" \
  --data-urlencode "code_verifier=$code_verifier") || fail "the token endpoint could not be reached"
access_token=$(printf '%s' "$tokens" | grep -o '"access_token":"[^"]*"' | sed -e 's/^"access_token":"//' -e 's/"$//') \
  || fail "no access token in the answer: $tokens"

printf '%s\n' "$access_token"
