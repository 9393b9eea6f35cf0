// The waiting room, and the performances a fan whose turn it is may book.

import {call, serverNow} from '../api.js';
import {formatClock, formatDateTime, formatDuration, h, show} from '../dom.js';
import {sentenceFor} from '../messages.js';
import {concert, forgetPlace, placeInLine, rememberPlace, repeat} from '../store.js';

/**
 * How long to wait before asking again where the fan stands: the service's own estimate, asked about four times
 * over, between 1 and 10 seconds; a Retry-After, when the service sends one, wins.
 */
export function nextStatusCheck(ticket, retryAfterSeconds) {
  if (retryAfterSeconds) {
    return retryAfterSeconds * 1000;
  }
  return Math.min(10, Math.max(1, Math.ceil((ticket?.estimatedWaitSeconds ?? 4) / 4))) * 1000;
}

export async function lineView(main, [concertId], _query, context) {
  if (!context.session()) {
    show(main, h('h1', {}, 'Sign in to join the line'), h('p', {}, context.signInButton('Sign in', location.hash)));
    return;
  }
  const found = await concert(concertId);
  const position = h('p', {class: 'position', 'data-testid': 'position'});
  const wait = h('p', {class: 'wait', 'data-testid': 'wait'});
  const status = h('div', {class: 'line-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true'}, position, wait);
  const next = h('p', {class: 'note'});
  const leave = h('button', {type: 'button', class: 'secondary', onclick: leaveLine}, 'Leave the line');
  show(main,
    h('p', {class: 'crumbs'}, h('a', {href: `#/concerts/${concertId}`}, `← ${found.title}`)),
    h('h1', {}, 'You are in line'),
    h('p', {class: 'lead'}, `for ${found.title} at ${found.venue}`),
    h('section', {class: 'waiting-room', 'aria-label': 'Your place in line'}, status,
      h('p', {class: 'note'}, 'Keep this page open: it moves forward by itself, and lets you in when it is your turn. Joining again never loses your place.'),
      next),
    h('div', {class: 'actions'}, leave));

  let ticket = null;
  let lastPosition = null;

  async function leaveLine() {
    leave.disabled = true;
    const place = placeInLine(concertId);
    try {
      if (place) {
        await call('/api/v1/queue', {method: 'DELETE', queueToken: place.token});
      }
    } catch (e) {
      if (e.code !== 'TOKEN_INVALID') {
        leave.disabled = false;
        context.flash(e);
        return;
      }
    }
    forgetPlace(concertId);
    context.navigate(`#/concerts/${concertId}`);
  }

  function showTicket() {
    if (ticket.status === 'ACTIVE') {
      show(position, 'It is your turn!');
      show(wait, 'Taking you to the seats…');
      return;
    }
    const ahead = ticket.position - 1;
    show(position, h('span', {class: 'big'}, String(ticket.position)),
      h('span', {}, ticket.position === 1 ? 'You are next in line' : `in line · ${ahead} ${ahead === 1 ? 'fan' : 'fans'} ahead of you`));
    show(wait, ticket.estimatedWaitSeconds > 0
      ? `Estimated wait: about ${formatDuration(ticket.estimatedWaitSeconds)}`
      : 'Estimated wait: any moment now');
    if (lastPosition !== null && ticket.position < lastPosition) {
      main.querySelector('.waiting-room').classList.add('moved');
    }
    lastPosition = ticket.position;
  }

  async function check() {
    let retryAfter = null;
    try {
      const place = placeInLine(concertId);
      ticket = place
        ? await call('/api/v1/queue/status', {queueToken: place.token})
        : await call(`/api/v1/concerts/${concertId}/queue`, {method: 'POST'});
      rememberPlace(concertId, ticket);
      context.clearFlash();
      showTicket();
      if (ticket.status === 'ACTIVE') {
        context.navigate(`#/concerts/${concertId}/performances`, {replace: true});
        return null;
      }
    } catch (e) {
      if (e.code === 'TOKEN_INVALID' || e.code === 'TOKEN_MISSING') {
        // the place ended (it ran out, or it was paid or left): a fresh one is asked for at once
        forgetPlace(concertId);
        return 0;
      }
      if (e.code === 'UNAUTHENTICATED') {
        show(next, context.signInButton('Sign in again', location.hash));
        context.flash(e);
        return null;
      }
      if (e.code === 'CONCERT_NOT_AVAILABLE' || e.code === 'CONCERT_NOT_FOUND') {
        context.flash(e);
        return null;
      }
      context.flash(e);
      retryAfter = e.retryAfterSeconds ?? 5;
    }
    const delay = nextStatusCheck(ticket, retryAfter);
    show(next, `Checking again in ${formatDuration(delay / 1000)}.`);
    return delay;
  }

  const poll = repeat(check, {whileHidden: true});
  return () => poll.stop();
}

export async function performancesView(main, [concertId], _query, context) {
  const found = await concert(concertId);
  const place = placeInLine(concertId);
  if (!context.session() || !place) {
    context.navigate(`#/concerts/${concertId}`, {replace: true});
    return;
  }
  let answer;
  try {
    answer = await call(`/api/v1/concerts/${concertId}/schedules`, {queueToken: place.token});
  } catch (e) {
    return turnEnded(main, concertId, e, context);
  }
  const left = h('p', {class: 'turn', role: 'timer', 'aria-live': 'off'});
  show(main,
    h('p', {class: 'crumbs'}, h('a', {href: `#/concerts/${concertId}`}, `← ${found.title}`)),
    h('h1', {}, 'Pick a performance'),
    h('p', {class: 'lead'}, `${found.title} at ${found.venue}`),
    left,
    answer.schedules.length === 0
      ? h('p', {}, 'No performance of this concert is open for booking now.')
      : h('ul', {class: 'cards'}, answer.schedules.map(schedule => h('li', {class: 'card'},
        h('h2', {}, formatDateTime(schedule.performanceAt)),
        h('p', {}, schedule.availableSeats === 0 ? 'Sold out' : `${schedule.availableSeats} of ${schedule.totalSeats} seats left`),
        h('button', {type: 'button', class: 'primary', disabled: schedule.availableSeats === 0,
          onclick: () => context.navigate(`#/concerts/${concertId}/performances/${schedule.id}`)}, 'Choose seats')))));
  return turnClock(left, place);
}

/** "Your turn lasts 09:41 more", ticking. */
export function turnClock(element, place) {
  if (!place?.activeUntil) {
    return () => {};
  }
  const until = Date.parse(place.activeUntil);
  const tick = () => show(element, `Your turn to book lasts ${formatClock((until - serverNow()) / 1000)} more (until ${formatDateTime(place.activeUntil)}).`);
  tick();
  const timer = setInterval(tick, 1000);
  return () => clearInterval(timer);
}

/** A gated read was refused: still waiting goes back to the line; an ended turn says so and offers the line again. */
export function turnEnded(main, concertId, error, context) {
  if (error.code === 'TOKEN_NOT_ACTIVE') {
    context.navigate(`#/concerts/${concertId}/line`, {replace: true});
    return;
  }
  if (error.code === 'TOKEN_INVALID' || error.code === 'TOKEN_MISSING') {
    forgetPlace(concertId);
  }
  show(main,
    h('h1', {}, 'You cannot book right now'),
    h('p', {class: 'problem'}, sentenceFor(error)),
    h('div', {class: 'actions'},
      error.code === 'UNAUTHENTICATED'
        ? context.signInButton('Sign in again', location.hash)
        : h('button', {type: 'button', class: 'primary', onclick: () => context.navigate(`#/concerts/${concertId}/line`)}, 'Join the line again')));
}
