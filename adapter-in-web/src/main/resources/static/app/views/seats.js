// The seat map: grades and prices, every seat's status kept fresh while the fan looks, up to 4 seats picked.

import {call} from '../api.js';
import {formatDateTime, formatPoints, h, show} from '../dom.js';
import {sentenceFor} from '../messages.js';
import {concert, placeInLine, repeat} from '../store.js';
import {turnClock, turnEnded} from './line.js';

export const MAX_PICKS = 4;
/** The service's seat maps may lag a hold by up to a second (API.md); every two seconds is fresh enough. */
const REFRESH_MS = 2000;
const STATUS_WORDS = {AVAILABLE: 'available', HELD: 'held by another fan', SOLD: 'sold'};

export async function seatMapView(main, [concertId, scheduleId], _query, context) {
  const found = await concert(concertId);
  const place = placeInLine(concertId);
  if (!context.session() || !place) {
    context.navigate(`#/concerts/${concertId}`, {replace: true});
    return;
  }
  const performance = found.schedules.find(s => String(s.id) === String(scheduleId));
  const picked = new Map();
  let seats = new Map();
  let holding = false;

  const map = h('div', {class: 'seat-map', 'data-testid': 'seat-map'});
  const news = h('p', {class: 'news', role: 'status', 'aria-live': 'polite'});
  const problem = h('p', {class: 'problem', role: 'alert', 'data-testid': 'seat-problem'});
  const summary = h('p', {class: 'picked', 'data-testid': 'picked'});
  const hold = h('button', {type: 'button', class: 'primary', 'data-testid': 'hold', onclick: holdPicked}, 'Hold seats');
  const left = h('p', {class: 'turn', role: 'timer', 'aria-live': 'off'});
  show(main,
    h('p', {class: 'crumbs'}, h('a', {href: `#/concerts/${concertId}/performances`}, '← Performances')),
    h('h1', {}, 'Pick your seats'),
    h('p', {class: 'lead'}, `${found.title} · ${performance ? formatDateTime(performance.performanceAt) : ''}`),
    left,
    h('p', {class: 'note'}, `Pick up to ${MAX_PICKS} seats, then hold them: they are yours to pay for while the hold lasts. The map refreshes by itself.`),
    legend(),
    map,
    news,
    h('div', {class: 'checkout-bar'}, summary, problem, hold));

  function render() {
    const grades = new Map();
    for (const seat of seats.values()) {
      if (!grades.has(seat.grade)) {
        grades.set(seat.grade, {price: seat.price, seats: []});
      }
      grades.get(seat.grade).seats.push(seat);
    }
    show(map, [...grades].map(([grade, {price, seats: inGrade}]) => h('section', {class: 'grade', 'aria-label': `${grade} seats, ${formatPoints(price)} each`},
      h('h2', {}, h('span', {class: 'grade-name'}, grade), ' ', h('span', {class: 'price'}, formatPoints(price))),
      h('div', {class: 'seats'}, inGrade.map(seatButton)))));
    const chosen = [...picked.values()];
    const total = chosen.reduce((sum, seat) => sum + seat.price, 0);
    show(summary, chosen.length === 0
      ? 'No seat picked yet.'
      : `${chosen.length} ${chosen.length === 1 ? 'seat' : 'seats'}: ${chosen.map(s => `${s.grade} ${s.number}`).join(', ')} · ${formatPoints(total)}`);
    show(hold, chosen.length <= 1 ? 'Hold seat' : `Hold ${chosen.length} seats`);
    hold.disabled = chosen.length === 0 || holding;
  }

  function seatButton(seat) {
    const isPicked = picked.has(seat.id);
    const free = seat.status === 'AVAILABLE';
    return h('button', {
      type: 'button',
      class: `seat ${seat.status.toLowerCase()}${isPicked ? ' mine' : ''}`,
      'aria-pressed': free ? String(isPicked) : null,
      disabled: !free,
      'aria-label': `Seat ${seat.number}, ${seat.grade}, ${formatPoints(seat.price)}, ${isPicked ? 'picked' : STATUS_WORDS[seat.status]}`,
      dataset: {seat: String(seat.number), status: seat.status},
      onclick: () => toggle(seat),
    }, String(seat.number));
  }

  function toggle(seat) {
    show(problem);
    if (picked.has(seat.id)) {
      picked.delete(seat.id);
    } else if (picked.size >= MAX_PICKS) {
      show(problem, `You can pick at most ${MAX_PICKS} seats.`);
      return;
    } else {
      picked.set(seat.id, seat);
    }
    const focused = document.activeElement?.dataset?.seat;
    render();
    if (focused) {
      map.querySelector(`[data-seat="${focused}"]`)?.focus();
    }
  }

  async function refresh() {
    try {
      const answer = await call(`/api/v1/concerts/${concertId}/schedules/${scheduleId}/seats`, {queueToken: place.token});
      seats = new Map(answer.seats.map(seat => [seat.id, seat]));
      const gone = [...picked.values()].filter(seat => seats.get(seat.id)?.status !== 'AVAILABLE');
      for (const seat of gone) {
        picked.delete(seat.id);
      }
      if (gone.length > 0) {
        show(news, `${gone.map(s => `Seat ${s.number}`).join(' and ')} ${gone.length === 1 ? 'was' : 'were'} just taken by another fan, so ${gone.length === 1 ? 'it is' : 'they are'} no longer picked.`);
      }
      const focused = map.contains(document.activeElement) ? document.activeElement.dataset.seat : null;
      render();
      if (focused) {
        map.querySelector(`[data-seat="${focused}"]`)?.focus();
      }
      return REFRESH_MS;
    } catch (e) {
      if (['TOKEN_NOT_ACTIVE', 'TOKEN_INVALID', 'TOKEN_MISSING', 'UNAUTHENTICATED'].includes(e.code)) {
        stop();
        turnEnded(main, concertId, e, context);
        return null;
      }
      show(problem, sentenceFor(e));
      return (e.retryAfterSeconds ?? 5) * 1000;
    }
  }

  async function holdPicked() {
    if (holding || picked.size === 0) {
      return;
    }
    holding = true;
    hold.disabled = true;
    show(problem);
    try {
      const reservation = await call('/api/v1/reservations', {
        method: 'POST', queueToken: place.token,
        body: {scheduleId: Number(scheduleId), seatIds: [...picked.keys()]},
      });
      stop();
      context.navigate(`#/holds/${reservation.id}`);
    } catch (e) {
      holding = false;
      show(problem, sentenceFor(e));
      if (['TOKEN_NOT_ACTIVE', 'TOKEN_INVALID', 'TOKEN_MISSING', 'UNAUTHENTICATED'].includes(e.code)) {
        stop();
        turnEnded(main, concertId, e, context);
        return;
      }
      render();
      if (e.code === 'SEAT_UNAVAILABLE') {
        // the map the fan saw was older than someone else's hold: read it again at once
        poll.now();
      }
    }
  }

  const poll = repeat(refresh);
  const stopClock = turnClock(left, place);
  function stop() {
    poll.stop();
    stopClock();
  }
  return stop;
}

function legend() {
  return h('ul', {class: 'legend', 'aria-label': 'What the seats show'},
    h('li', {}, h('span', {class: 'seat available', 'aria-hidden': 'true'}, '1'), ' available'),
    h('li', {}, h('span', {class: 'seat available mine', 'aria-hidden': 'true'}, '1'), ' picked by you'),
    h('li', {}, h('span', {class: 'seat held', 'aria-hidden': 'true'}, '1'), ' held by another fan'),
    h('li', {}, h('span', {class: 'seat sold', 'aria-hidden': 'true'}, '1'), ' sold'));
}
