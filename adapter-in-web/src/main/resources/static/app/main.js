// The storefront: a hash router over a few views, the account corner, and the flash line for errors.

import {canSignIn, completeSignIn, currentSession, loadConfig, onSessionChange, signIn, signOut} from './auth.js';
import {h, show} from './dom.js';
import {sentenceFor} from './messages.js';
import {catalogView, concertView} from './views/catalog.js';
import {lineView, performancesView} from './views/line.js';
import {seatMapView} from './views/seats.js';
import {holdView} from './views/hold.js';
import {reservationsView} from './views/reservations.js';

const main = document.getElementById('main');
const flashLine = document.getElementById('flash');
const account = document.getElementById('account');

const ROUTES = [
  [/^#\/?$/, catalogView],
  [/^#\/concerts\/?(?:\?.*)?$/, catalogView],
  [/^#\/concerts\/(\d+)$/, concertView],
  [/^#\/concerts\/(\d+)\/line$/, lineView],
  [/^#\/concerts\/(\d+)\/performances$/, performancesView],
  [/^#\/concerts\/(\d+)\/performances\/(\d+)$/, seatMapView],
  [/^#\/holds\/(\d+)$/, holdView],
  [/^#\/reservations$/, reservationsView],
];

let cleanup = null;
let rendering = 0;

/** What every view gets besides its route's parameters. */
const context = {
  navigate(hash, {replace = false} = {}) {
    if (location.hash === hash) {
      render();
    } else if (replace) {
      history.replaceState(null, '', hash);
      render();
    } else {
      location.hash = hash;
    }
  },
  /** Says something went wrong, in the line every screen reader announces. */
  flash(errorOrText) {
    show(flashLine, typeof errorOrText === 'string' ? errorOrText : sentenceFor(errorOrText));
    flashLine.hidden = false;
  },
  clearFlash() {
    show(flashLine);
    flashLine.hidden = true;
  },
  session: currentSession,
  /** A "sign in" button that comes back to where the fan is going. */
  signInButton(label = 'Sign in', returnTo = null) {
    if (!canSignIn()) {
      return h('p', {class: 'note'}, 'Signing in is not set up for this service: the catalog only.');
    }
    // where the fan is when they click, unless the button says where to go
    const go = () => signIn(returnTo ?? (location.hash || '#/')).catch(e => context.flash(e.message));
    return h('button', {type: 'button', class: 'primary', onclick: go}, label);
  },
};

function queryOf(hash) {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

async function render() {
  const hash = location.hash || '#/';
  const run = ++rendering;
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  context.clearFlash();
  const match = ROUTES.map(([pattern, view]) => [hash.match(pattern), view]).find(([m]) => m);
  show(main, h('p', {class: 'loading'}, 'Loading…'));
  if (!match) {
    show(main, h('h1', {}, 'Page not found'), h('p', {}, h('a', {href: '#/'}, 'See the concerts')));
    return;
  }
  const [found, view] = match;
  try {
    const stop = await view(main, found.slice(1), queryOf(hash), context);
    if (run !== rendering) {
      stop?.();
      return;
    }
    cleanup = stop ?? null;
  } catch (e) {
    if (run === rendering) {
      show(main, h('h1', {}, 'This page could not be shown'), h('p', {}, sentenceFor(e)),
        h('p', {}, h('button', {type: 'button', class: 'secondary', onclick: () => render()}, 'Try again'), ' ',
          h('a', {href: '#/'}, 'See the concerts')));
    }
  }
  if (run === rendering) {
    const heading = main.querySelector('h1');
    // focus follows the route for keyboard and screen reader users, without scrolling past the header
    (heading ?? main).setAttribute('tabindex', '-1');
    (heading ?? main).focus({preventScroll: true});
  }
}

function renderAccount(session) {
  if (session) {
    show(account,
      h('span', {class: 'who'}, 'Signed in as ', h('strong', {'data-testid': 'user'}, session.user)),
      h('button', {type: 'button', class: 'link', onclick: () => signOut()}, 'Sign out'));
  } else if (canSignIn()) {
    show(account, context.signInButton());
  } else {
    show(account);
  }
}

async function start() {
  flashLine.hidden = true;
  try {
    await loadConfig();
  } catch (e) {
    context.flash(e.message);
  }
  onSessionChange(session => {
    renderAccount(session);
    if (!session) {
      context.flash('You are signed out. Sign in again to carry on where you were.');
    }
  });
  try {
    const returnTo = await completeSignIn();
    if (returnTo) {
      history.replaceState(null, '', returnTo);
    }
  } catch (e) {
    context.flash(e.message);
  }
  renderAccount(currentSession());
  window.addEventListener('hashchange', render);
  await render();
}

start();
