// The service's HTTP API (docs: /swagger-ui.html). Every refusal becomes an ApiError carrying the problem's code,
// so that a view can say a sentence a fan understands (messages.js) instead of a status number.

import {accessToken, discardSession} from './auth.js';

/** Milliseconds to add to this device's clock to get the service's (from each answer's Date header). */
let serverOffset = 0;

export function serverNow() {
  return Date.now() + serverOffset;
}

export class ApiError extends Error {
  constructor(status, problem, retryAfterSeconds) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem.code ?? (status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN');
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Calls the API. Options: method, body (sent as JSON), queueToken (X-Queue-Token), idempotencyKey,
 * signal. The bearer token goes with every call while the fan is signed in.
 */
export async function call(path, {method = 'GET', body, queueToken, idempotencyKey, signal} = {}) {
  const headers = {Accept: 'application/json'};
  const token = accessToken();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (queueToken) {
    headers['X-Queue-Token'] = queueToken;
  }
  if (idempotencyKey) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal});
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, {code: 'NETWORK'}, 5);
  }
  const date = Date.parse(response.headers.get('Date') ?? '');
  if (!Number.isNaN(date)) {
    // whole seconds only, so only a skew beyond a second is corrected
    const offset = date - Date.now();
    serverOffset = Math.abs(offset) > 1500 ? offset : 0;
  }
  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // a proxy's HTML page, say: the status alone speaks
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const error = new ApiError(response.status, problem, Number.isNaN(retryAfter) ? null : retryAfter);
  if (error.code === 'UNAUTHENTICATED') {
    discardSession();
  }
  throw error;
}

/** A key for one payment or charge: a retry or a second click sends the same one and is answered the same. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}
