// What the storefront remembers between screens of one tab: the fan's place in line per concert (the queue token
// is worthless without the fan's sign-in, and ends when they pay or leave), and the catalog entries it has read.

import {call} from './api.js';

const LINE = 'concert.line.';

/** {token, status, activeUntil} of the fan's place in line for a concert, or null. */
export function placeInLine(concertId) {
  try {
    return JSON.parse(sessionStorage.getItem(LINE + concertId) ?? 'null');
  } catch {
    return null;
  }
}

export function rememberPlace(concertId, ticket) {
  sessionStorage.setItem(LINE + concertId, JSON.stringify({token: ticket.token, status: ticket.status, activeUntil: ticket.activeUntil}));
}

export function forgetPlace(concertId) {
  sessionStorage.removeItem(LINE + concertId);
}

const concerts = new Map();

/** One concert and its performances (public), read once per page load. */
export function concert(concertId) {
  const id = String(concertId);
  if (!concerts.has(id)) {
    concerts.set(id, call(`/api/v1/concerts/${id}`).catch(e => {
      concerts.delete(id);
      throw e;
    }));
  }
  return concerts.get(id);
}

/**
 * Runs {@code task} again and again: it answers the milliseconds to wait before its next run. Stops for good on
 * stop(); now() runs it at once. While the tab is hidden nothing runs; on return it runs at once.
 */
export function repeat(task, {whileHidden = false} = {}) {
  let timer = null;
  let stopped = false;
  let running = false;
  let again = false;
  async function run() {
    clearTimeout(timer);
    if (stopped) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    if (!whileHidden && document.hidden) {
      return;
    }
    running = true;
    let delay = 2000;
    try {
      delay = await task();
    } finally {
      running = false;
    }
    if (stopped) {
      return;
    }
    if (again) {
      again = false;
      run();
    } else if (typeof delay === 'number') {
      timer = setTimeout(run, delay);
    }
  }
  const visible = () => {
    if (!document.hidden) {
      run();
    }
  };
  document.addEventListener('visibilitychange', visible);
  run();
  return {
    now: run,
    stop() {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', visible);
    },
  };
}
