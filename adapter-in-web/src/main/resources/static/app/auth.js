// Sign-in with the OpenID Connect issuer the service trusts: the authorization code flow with PKCE (RFC 7636),
// as a public client. The access token lives in this tab's sessionStorage until its expiry and not a moment
// longer; nothing of it reaches localStorage or a cookie.

const SESSION = 'concert.session';
const PENDING = 'concert.signin';

let config = null;
let discovery = null;
let expiryTimer = null;
const listeners = new Set();

/** Calls back whenever the fan signs in or out, or the sign-in runs out. */
export function onSessionChange(listener) {
  listeners.add(listener);
}

function changed() {
  for (const listener of listeners) {
    listener(currentSession());
  }
}

/** The storefront's settings from the service: {issuer, clientId, scope}. */
export async function loadConfig() {
  if (!config) {
    const response = await fetch('/storefront/config', {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      throw new Error(`The storefront's settings could not be read (${response.status})`);
    }
    config = await response.json();
  }
  return config;
}

export function canSignIn() {
  return Boolean(config?.issuer);
}

async function provider() {
  if (!discovery) {
    const {issuer} = await loadConfig();
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      throw new Error(`The identity provider did not answer (${response.status})`);
    }
    discovery = await response.json();
  }
  return discovery;
}

/** The signed-in fan ({accessToken, idToken, user, expiresAt}) or null; a session past its expiry is dropped. */
export function currentSession() {
  const stored = sessionStorage.getItem(SESSION);
  if (!stored) {
    return null;
  }
  try {
    const session = JSON.parse(stored);
    if (typeof session.expiresAt === 'number' && session.expiresAt > Date.now()) {
      return session;
    }
  } catch {
    // unreadable: dropped below
  }
  sessionStorage.removeItem(SESSION);
  return null;
}

export function accessToken() {
  return currentSession()?.accessToken ?? null;
}

/** The service refused the token (401 UNAUTHENTICATED): it is of no further use. */
export function discardSession() {
  if (sessionStorage.getItem(SESSION)) {
    sessionStorage.removeItem(SESSION);
    changed();
  }
}

function scheduleExpiry() {
  clearTimeout(expiryTimer);
  const session = currentSession();
  if (session) {
    expiryTimer = setTimeout(() => {
      sessionStorage.removeItem(SESSION);
      changed();
    }, Math.max(0, session.expiresAt - Date.now()));
  }
}

/** Sends the browser to the provider's sign-in page; it comes back to {@code returnTo} (a #/ route). */
export async function signIn(returnTo = location.hash || '#/') {
  const {clientId, scope} = await loadConfig();
  const {authorization_endpoint: authorize} = await provider();
  const verifier = randomString(32);
  const state = randomString(16);
  const nonce = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({verifier, state, nonce, returnTo}));
  const url = new URL(authorize);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope,
    state,
    nonce,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * On the way back from the provider (?code=...&state=... or ?error=...): trades the code for tokens. Answers the
 * route to go on with, or null when this page load is no such return.
 */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) {
    scheduleExpiry();
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  // the code and state leave the address bar (and the history) at once
  history.replaceState(null, '', `${location.pathname}${pending?.returnTo ?? '#/'}`);
  if (query.has('error')) {
    throw new SignInError(`The sign-in did not complete (${query.get('error')}).`);
  }
  if (!pending || pending.state !== query.get('state')) {
    throw new SignInError('That sign-in answer was not for this page. Please sign in again.');
  }
  const {clientId, issuer} = await loadConfig();
  const {token_endpoint: tokenEndpoint} = await provider();
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri(),
      client_id: clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new SignInError('The identity provider refused the sign-in. Please sign in again.');
  }
  const tokens = await response.json();
  const claims = tokens.id_token ? payloadOf(tokens.id_token) : {};
  // the ID token came straight from the provider's token endpoint, so its origin vouches for it (OIDC Core
  // 3.1.3.7); what is left to check is that it answers this sign-in
  if (tokens.id_token && (claims.nonce !== pending.nonce || claims.iss !== issuer || ![].concat(claims.aud).includes(clientId))) {
    throw new SignInError('The sign-in answer did not match this sign-in. Please sign in again.');
  }
  const lifetime = Number(tokens.expires_in) > 0 ? Number(tokens.expires_in) : 300;
  sessionStorage.setItem(SESSION, JSON.stringify({
    accessToken: tokens.access_token,
    idToken: tokens.id_token ?? null,
    user: claims.preferred_username ?? claims.name ?? claims.sub ?? 'you',
    expiresAt: Date.now() + lifetime * 1000,
  }));
  scheduleExpiry();
  changed();
  return pending.returnTo;
}

/** Forgets the tokens, then ends the provider's session too where it offers an end-session endpoint. */
export async function signOut() {
  const session = currentSession();
  sessionStorage.removeItem(SESSION);
  clearTimeout(expiryTimer);
  changed();
  let endSession = null;
  try {
    endSession = (await provider()).end_session_endpoint ?? null;
  } catch {
    // the provider is away: the tokens are gone from this page all the same
  }
  if (endSession) {
    const url = new URL(endSession);
    const {clientId} = await loadConfig();
    url.search = new URLSearchParams({
      client_id: clientId,
      post_logout_redirect_uri: redirectUri(),
      ...(session?.idToken ? {id_token_hint: session.idToken} : {}),
    }).toString();
    location.assign(url.toString());
  }
}

export class SignInError extends Error {
}

function redirectUri() {
  return `${location.origin}/`;
}

function randomString(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function payloadOf(jwt) {
  const part = jwt.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, c => c.charCodeAt(0))));
}
