// The storefront's whole journey in a real browser (Playwright driving the machine's Chromium) against a dev run
// whose admission is slowed and whose holds are short (run.sh starts it so). Two fans sign in through the
// identity provider's own login page, wait in line behind fans who use the API alone, watch each other's seats
// change, pay, are refused, and run out of time. Every step leaves a screenshot in docs/storefront/.

import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {chromium} from 'playwright-core';
import {textContrast} from './contrast.mjs';

const BASE = required('STOREFRONT_URL');
const ISSUER = required('ISSUER_URL');
const SHOTS = process.env.SCREENSHOTS ?? new URL('../docs/storefront/', import.meta.url).pathname;
const HOLD_TTL_SECONDS = Number(process.env.HOLD_TTL_SECONDS ?? 20);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** How long any one thing may take to show: generous, since it is a ceiling and never a pause. */
const STEP_MS = 20_000;

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run storefront-test/run.sh`);
  }
  return value.replace(/\/$/, '');
}

// ---- the API, for what no browser does: the concert, and the fans ahead in line ----

async function token(client, secret, parameters) {
  const response = await fetch(`${ISSUER}/oauth2/token`, {
    method: 'POST',
    headers: {Authorization: `Basic ${Buffer.from(`${client}:${secret}`).toString('base64')}`},
    body: new URLSearchParams({grant_type: 'client_credentials', ...parameters}),
  });
  assert.equal(response.status, 200, `a token from ${client}`);
  return (await response.json()).access_token;
}

async function api(bearer, method, path, {body, queueToken} = {}) {
  const headers = {Authorization: `Bearer ${bearer}`, Accept: 'application/json'};
  if (body) {
    headers['Content-Type'] = 'application/json';
  }
  if (queueToken) {
    headers['X-Queue-Token'] = queueToken;
  }
  const response = await fetch(`${BASE}${path}`, {method, headers, body: body ? JSON.stringify(body) : undefined});
  const text = await response.text();
  return {status: response.status, json: text ? JSON.parse(text) : null};
}

/** Polls until {@code probe} answers something truthy, at most {@code timeout} ms. */
async function until(what, probe, timeout = STEP_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const answer = await probe();
    if (answer) {
      return answer;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** A fan without a browser who takes a place in line (and so a slot once admitted). */
async function apiFan(name, concertId) {
  const bearer = await token('concert-dev', 'dev-secret', {user: `${name}-${Date.now()}`});
  const entered = await api(bearer, 'POST', `/api/v1/concerts/${concertId}/queue`);
  assert.equal(entered.status, 201, `${name} enters the line`);
  const queueToken = entered.json.token;
  return {
    name,
    status: async () => (await api(bearer, 'GET', '/api/v1/queue/status', {queueToken})).json,
    leave: async () => assert.equal((await api(bearer, 'DELETE', '/api/v1/queue', {queueToken})).status, 204),
  };
}

// ---- the browser ----

let browser;
let step = 0;
const pages = [];
let contrastChecked = 0;
let contrastScreens = 0;
const FAILURES = new URL('target/', import.meta.url).pathname;

async function shoot(page, name) {
  step += 1;
  // the whole page, with the seat map's checkout bar where it sits in the page rather than stuck to the bottom
  // of the window (where a full-page picture would lay it over the seats); through the CSSOM, which the page's
  // Content-Security-Policy allows, unlike a style sheet injected for the picture
  const unstick = position => document.querySelectorAll('.checkout-bar').forEach(bar => {
    bar.style.position = position;
  });
  await page.evaluate(unstick, 'static');
  await page.screenshot({path: `${SHOTS}/${String(step).padStart(2, '0')}-${name}.png`, fullPage: true});
  await page.evaluate(unstick, '');
  // every screen the storefront shows is readable (the identity provider's login page is not the storefront's)
  if (page.url().startsWith(BASE)) {
    const contrast = await page.evaluate(textContrast);
    assert.ok(contrast.checked > 0, `${name}: no text judged`);
    assert.deepEqual(contrast.failures, [], `${name}: text below the WCAG AA contrast`);
    contrastChecked += contrast.checked;
    contrastScreens += 1;
  }
}

async function fan(viewport) {
  const context = await browser.newContext({viewport, locale: 'en-GB', timezoneId: 'Asia/Seoul', reducedMotion: 'reduce'});
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  page.on('pageerror', error => console.error(`page error: ${error.message}`));
  page.on('console', message => {
    if (message.type() === 'error') {
      console.error(`console: ${message.text()}`);
    }
  });
  pages.push(page);
  return page;
}

/** The authorization code flow with PKCE, through the provider's real login page. */
async function signIn(page, user, password, shotName) {
  await page.getByRole('button', {name: 'Sign in', exact: true}).click();
  await page.waitForURL(url => url.href.startsWith(ISSUER));
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  if (shotName) {
    await shoot(page, shotName);
  }
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(url => url.href.startsWith(BASE));
  await page.getByTestId('user').filter({hasText: user}).waitFor();
}

const seat = (page, number) => page.getByTestId('seat-map').locator(`[data-seat="${number}"]`);

async function seatStatus(page, number) {
  return seat(page, number).getAttribute('data-status');
}

before(async () => {
  await mkdir(SHOTS, {recursive: true});
  browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: ['--no-sandbox']});
});

after(async () => {
  await browser?.close();
  console.log(`contrast: ${contrastChecked} pieces of text on ${contrastScreens} screens judged, all at WCAG AA or better`);
});

/** On a failure, what each fan's page showed, for the log reader. */
async function showFailure(error) {
  await mkdir(FAILURES, {recursive: true});
  for (const [i, page] of pages.entries()) {
    await page.screenshot({path: `${FAILURES}/failure-fan-${i + 1}.png`, fullPage: true}).catch(() => {});
    console.error(`fan ${i + 1} was at ${page.url()}`);
  }
  throw error;
}

test('two fans: the line, the seat map kept fresh, a hold paid once, a hold refused, a hold run out', () =>
  journey().catch(showFailure));

async function journey() {
  const ops = await token('concert-ops', 'dev-ops-secret', {scope: 'concert:admin'});
  const performanceAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const created = await api(ops, 'POST', '/api/v1/admin/concerts', {
    body: {
      title: 'Storefront Live 2026', venue: 'Olympic Hall',
      schedules: [{performanceAt, sections: [{grade: 'VIP', price: 150000, seats: 8}, {grade: 'R', price: 110000, seats: 16}]}],
    },
  });
  assert.equal(created.status, 201, 'the concert is created');
  const concertId = created.json.id;
  const scheduleId = created.json.schedules[0].id;

  // a fan ahead of everyone, admitted first: one of the two active slots (max-active 2)
  const carol = await apiFan('carol', concertId);
  await until('carol admitted', async () => (await carol.status()).status === 'ACTIVE');

  const alice = await fan({width: 1280, height: 900});
  await alice.goto(`${BASE}/`);
  await alice.getByRole('heading', {name: 'Concerts on sale'}).waitFor();
  await alice.getByRole('navigation', {name: 'Pages of concerts'}).getByText(/Page 1 of \d+/).waitFor();
  await shoot(alice, 'concert-list');
  await alice.goto(`${BASE}/#/concerts/${concertId}`);
  await alice.getByRole('heading', {name: 'Storefront Live 2026'}).waitFor();
  await signIn(alice, 'alice', 'alice', 'sign-in-page');
  await alice.getByRole('heading', {name: 'Storefront Live 2026'}).waitFor();
  await shoot(alice, 'alice-concert');
  assert.equal(await alice.evaluate(() => localStorage.length), 0, 'nothing of the sign-in in localStorage');

  // alice takes the second slot at the next tick and goes on to the performances by herself
  await alice.getByRole('button', {name: 'Join the line'}).click();
  await alice.getByRole('heading', {name: 'Pick a performance'}).waitFor();

  // now both slots are taken: dave waits first, bob behind him
  const dave = await apiFan('dave', concertId);
  const bob = await fan({width: 390, height: 844});
  await bob.goto(`${BASE}/#/concerts/${concertId}`);
  await signIn(bob, 'bob', 'bob');
  await bob.getByRole('button', {name: 'Join the line'}).click();
  await bob.getByTestId('position').getByText('1 fan ahead of you').waitFor();
  await bob.getByTestId('wait').getByText(/Estimated wait/).waitFor();
  await shoot(bob, 'bob-waiting-second');

  // carol leaves: dave gets her slot, bob moves up by himself (no reload)
  await carol.leave();
  await bob.getByTestId('position').getByText('You are next in line').waitFor();
  await shoot(bob, 'bob-waiting-next');

  // dave leaves: bob is let in by himself
  await dave.leave();
  await bob.getByRole('heading', {name: 'Pick a performance'}).waitFor();
  await shoot(bob, 'bob-admitted');
  await bob.getByRole('button', {name: 'Choose seats'}).click();
  await until('bob sees seat 2 free', async () => (await seatStatus(bob, 2)) === 'AVAILABLE');

  await alice.getByRole('button', {name: 'Choose seats'}).click();
  await seat(alice, 1).click();
  await seat(alice, 2).click();
  await alice.getByTestId('picked').getByText('2 seats: VIP 1, VIP 2').waitFor();
  await shoot(alice, 'alice-picks-two');

  // Bob picks seat 2 in the moment between two refreshes of his map: his map's reads are held back (the lag of
  // a slow network), starting with the next one, so that what he sees is older than alice's hold
  let release;
  const released = new Promise(resolve => {
    release = resolve;
  });
  let heldBack = 0;
  const bobsMap = url => url.pathname.endsWith(`/schedules/${scheduleId}/seats`);
  await bob.route(bobsMap, async route => {
    heldBack += 1;
    await released;
    await route.continue();
  });
  await until('bob\'s next map refresh held back', () => heldBack > 0);
  await seat(bob, 2).click();
  await bob.getByTestId('picked').getByText('1 seat: VIP 2').waitFor();

  await alice.getByTestId('hold').click();
  await alice.getByRole('heading', {name: 'Your seats are held'}).waitFor();
  await alice.getByTestId('countdown').getByText(/Held for 00:\d\d more/).waitFor();
  await shoot(alice, 'alice-hold-countdown');

  // bob's hold of seat 2 is refused: alice holds it
  await bob.getByTestId('hold').click();
  await bob.getByTestId('seat-problem').getByText('was just taken by another fan').waitFor();
  await shoot(bob, 'bob-hold-refused');

  // his map reads again and shows alice's two seats held, without a reload
  release();
  // once the reads held back have gone on (a handler still running would otherwise see its route taken from it)
  await bob.unrouteAll({behavior: 'wait'});
  await until('bob sees seats 1 and 2 held', async () =>
    (await seatStatus(bob, 1)) === 'HELD' && (await seatStatus(bob, 2)) === 'HELD');
  await shoot(bob, 'bob-sees-them-held');

  // alice charges what she lacks (all of it, on a fresh dev run), then pays; a double click pays once
  await alice.getByTestId('balance-amount').waitFor();
  if ((await alice.getByTestId('balance').textContent()).includes('more to pay')) {
    await alice.getByRole('button', {name: 'Add points'}).click();
  }
  await alice.getByTestId('balance').getByText('enough to pay').waitFor();
  await shoot(alice, 'alice-checkout-charged');
  const reservationId = Number(new URL(alice.url()).hash.split('/').pop());
  await alice.getByTestId('pay').dblclick();
  await alice.getByTestId('hold-state').getByText('Paid. Enjoy the show!').waitFor();
  await shoot(alice, 'alice-paid');
  const aliceToken = await alice.evaluate(() => JSON.parse(sessionStorage.getItem('concert.session')).accessToken);
  const history = await api(aliceToken, 'GET', '/api/v1/points/history?size=100');
  const payments = history.json.items.filter(entry => entry.type === 'USE' && entry.reservationId === reservationId);
  assert.deepEqual(payments.map(entry => entry.amount), [300000], 'the double click paid once');

  // bob's map turns them sold by itself
  await until('bob sees seats 1 and 2 sold', async () =>
    (await seatStatus(bob, 1)) === 'SOLD' && (await seatStatus(bob, 2)) === 'SOLD');

  // bob holds a seat and thinks better of it: cancelled, the seat is on sale again at once
  await seat(bob, 4).click();
  await bob.getByTestId('hold').click();
  await bob.getByRole('heading', {name: 'Your seats are held'}).waitFor();
  await bob.getByTestId('cancel').click();
  await bob.getByTestId('hold-state').getByText('Its seats are back on sale').waitFor();
  await shoot(bob, 'bob-hold-cancelled');
  await bob.getByRole('link', {name: 'Back to the seat map'}).click();
  await until('bob sees seat 4 free again', async () => (await seatStatus(bob, 4)) === 'AVAILABLE');

  // bob holds a seat of his own, with the keyboard, and lets it run out
  await seat(bob, 3).focus();
  await bob.keyboard.press('Space');
  await bob.getByTestId('picked').getByText('1 seat: VIP 3').waitFor();
  assert.equal(await seat(bob, 3).getAttribute('aria-pressed'), 'true', 'the picked seat says so to a screen reader');
  assert.equal(await seat(bob, 3).evaluate(element => element === document.activeElement), true,
    'focus stays on the seat after the map is drawn again');
  await bob.getByTestId('hold').focus();
  await bob.keyboard.press('Enter');
  await bob.getByRole('heading', {name: 'Your seats are held'}).waitFor();
  await bob.getByTestId('countdown').getByText(/Held for 00:\d\d more/).waitFor();
  await shoot(bob, 'bob-hold-countdown');
  await bob.getByTestId('hold-state').getByText('Your hold ran out').waitFor({timeout: (HOLD_TTL_SECONDS + 15) * 1000});
  await shoot(bob, 'bob-hold-ran-out');

  // alice's reservations show the paid one; signing out forgets her token
  await alice.getByRole('link', {name: 'My reservations'}).first().click();
  await alice.getByTestId('reservation').filter({hasText: 'Paid'}).first().waitFor();
  await shoot(alice, 'alice-reservations');
  await alice.getByRole('button', {name: 'Sign out'}).click();
  await alice.waitForURL(url => url.href.startsWith(BASE));
  await alice.getByRole('button', {name: 'Sign in', exact: true}).waitFor();
  assert.equal(await alice.evaluate(() => sessionStorage.getItem('concert.session')), null, 'no token after sign-out');
}
