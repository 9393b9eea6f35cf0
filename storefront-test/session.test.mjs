// The access token is kept for its lifetime and not a moment longer (auth.js), and a payment's Idempotency-Key is
// made once per checkout (hold.js keeps it; api.js makes it): checked without a browser, on a stand-in for the
// tab's sessionStorage.

import {beforeEach, test} from 'node:test';
import assert from 'node:assert/strict';

class MemoryStorage {
  #items = new Map();
  getItem(key) {
    return this.#items.has(key) ? this.#items.get(key) : null;
  }
  setItem(key, value) {
    this.#items.set(key, String(value));
  }
  removeItem(key) {
    this.#items.delete(key);
  }
  get length() {
    return this.#items.size;
  }
}

globalThis.sessionStorage = new MemoryStorage();
const {accessToken, currentSession, discardSession, onSessionChange} =
  await import('../adapter-in-web/src/main/resources/static/app/auth.js');

beforeEach(() => {
  globalThis.sessionStorage = new MemoryStorage();
});

function store(expiresAt) {
  sessionStorage.setItem('concert.session', JSON.stringify({accessToken: 'eyJ.a.b', user: 'alice', expiresAt}));
}

test('a token within its lifetime is used', () => {
  store(Date.now() + 60_000);
  assert.equal(accessToken(), 'eyJ.a.b');
  assert.equal(currentSession().user, 'alice');
});

test('a token past its expiry is dropped from the tab on first sight', () => {
  store(Date.now() - 1);
  assert.equal(accessToken(), null);
  assert.equal(sessionStorage.getItem('concert.session'), null);
});

test('an unreadable session is dropped, not trusted', () => {
  sessionStorage.setItem('concert.session', '{not json');
  assert.equal(currentSession(), null);
  assert.equal(sessionStorage.length, 0);
});

test('a token the service refused is forgotten and the page told', () => {
  store(Date.now() + 60_000);
  const seen = [];
  onSessionChange(session => seen.push(session));
  discardSession();
  assert.equal(accessToken(), null);
  assert.deepEqual(seen, [null]);
});

test('a payment keeps one Idempotency-Key per reservation, whatever the clicks and reloads', async () => {
  const {paymentKey} = await import('../adapter-in-web/src/main/resources/static/app/views/hold.js');
  const first = paymentKey(9001);
  assert.match(first, /^[A-Za-z0-9_-]{1,64}$/, 'a key the API takes');
  assert.equal(paymentKey(9001), first, 'a second click or a retry');
  assert.notEqual(paymentKey(9002), first, 'another reservation');
});
