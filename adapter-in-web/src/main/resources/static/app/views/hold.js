// The hold with its countdown and cancel button, and checkout with points: balance, charge, pay once.

import {call, newIdempotencyKey, serverNow} from '../api.js';
import {formatClock, formatDateTime, formatPoints, h, show} from '../dom.js';
import {sentenceFor} from '../messages.js';
import {concert, forgetPlace, placeInLine} from '../store.js';

const PAYMENT_KEY = 'concert.payment.';

/**
 * The Idempotency-Key of this reservation's payment: made once per checkout and kept in the tab, so that a
 * second click, a retry after a time-out, or a reload after the answer was lost pays once.
 */
export function paymentKey(reservationId) {
  let key = sessionStorage.getItem(PAYMENT_KEY + reservationId);
  if (!key) {
    key = newIdempotencyKey();
    sessionStorage.setItem(PAYMENT_KEY + reservationId, key);
  }
  return key;
}

export async function holdView(main, [reservationId], _query, context) {
  if (!context.session()) {
    show(main, h('h1', {}, 'Sign in to see your hold'), h('p', {}, context.signInButton('Sign in', location.hash)));
    return;
  }
  let reservation = await call(`/api/v1/reservations/${reservationId}`);
  const found = await concert(reservation.concertId);
  const performance = found.schedules.find(s => s.id === reservation.scheduleId);
  let balance = null;
  let paying = false;
  let chargeKey = newIdempotencyKey();
  let timer = null;
  let warned = null;

  const countdown = h('p', {class: 'countdown', role: 'timer', 'aria-live': 'off', 'data-testid': 'countdown'});
  const warning = h('p', {class: 'sr-only', role: 'status', 'aria-live': 'polite'});
  const state = h('div', {class: 'hold-state', role: 'status', 'aria-live': 'polite', 'data-testid': 'hold-state'});
  const problem = h('p', {class: 'problem', role: 'alert', 'data-testid': 'checkout-problem'});
  const balanceLine = h('p', {class: 'balance', 'data-testid': 'balance'});
  const amount = h('input', {id: 'charge-amount', name: 'amount', type: 'number', inputmode: 'numeric', min: '1', step: '1', required: true});
  const charge = h('button', {type: 'submit', class: 'secondary'}, 'Add points');
  const pay = h('button', {type: 'button', class: 'primary', 'data-testid': 'pay', onclick: payNow}, `Pay ${formatPoints(reservation.totalPrice)}`);
  const cancel = h('button', {type: 'button', class: 'danger', 'data-testid': 'cancel', onclick: cancelHold}, 'Cancel hold');
  amount.addEventListener('input', () => {
    chargeKey = newIdempotencyKey();
  });
  const checkout = h('section', {class: 'checkout', 'aria-labelledby': 'checkout-title'},
    h('h2', {id: 'checkout-title'}, 'Checkout with points'),
    balanceLine,
    h('form', {class: 'charge', onsubmit: chargePoints},
      h('label', {for: 'charge-amount'}, 'Points to add'),
      h('div', {class: 'row'}, amount, charge)),
    h('div', {class: 'actions'}, pay, cancel));

  show(main,
    h('p', {class: 'crumbs'}, h('a', {href: `#/concerts/${reservation.concertId}/performances/${reservation.scheduleId}`}, '← Seat map')),
    h('h1', {}, 'Your seats are held'),
    h('p', {class: 'lead'}, `${found.title} · ${performance ? formatDateTime(performance.performanceAt) : ''} · ${found.venue}`),
    h('ul', {class: 'held-seats'}, reservation.seats.map(seat => h('li', {},
      h('span', {}, `${seat.grade} · seat ${seat.number}`), h('span', {}, formatPoints(seat.price))))),
    h('p', {class: 'total'}, 'Total ', h('strong', {}, formatPoints(reservation.totalPrice))),
    countdown, warning, state, problem, checkout);

  function secondsLeft() {
    return (Date.parse(reservation.expiresAt) - serverNow()) / 1000;
  }

  function tick() {
    const left = secondsLeft();
    show(countdown, 'Held for ', h('strong', {}, formatClock(left)), ' more');
    countdown.classList.toggle('urgent', left <= 60);
    const whole = Math.ceil(left);
    if ((whole === 60 || whole === 30) && whole !== warned) {
      warned = whole;
      show(warning, `${whole} seconds left to pay.`);
    }
    if (left <= 0) {
      clearInterval(timer);
      timer = null;
      confirmRunOut();
    }
  }

  /** At zero the service is asked, since the fan's clock may differ from its; the reservation then reads EXPIRED. */
  async function confirmRunOut() {
    try {
      reservation = await call(`/api/v1/reservations/${reservationId}`);
    } catch (e) {
      show(problem, sentenceFor(e));
    }
    if (reservation.status === 'HELD') {
      setTimeout(confirmRunOut, 1000);
      return;
    }
    settle();
  }

  function showBalance() {
    if (balance === null) {
      show(balanceLine, 'Reading your points…');
      return;
    }
    const short = reservation.totalPrice - balance;
    show(balanceLine, 'Your points: ', h('strong', {'data-testid': 'balance-amount'}, formatPoints(balance)),
      short > 0 ? ` · you need ${formatPoints(short)} more to pay` : ' · enough to pay');
    if (short > 0 && !amount.value) {
      amount.value = String(short);
    }
    pay.disabled = paying || short > 0;
  }

  async function readBalance() {
    try {
      balance = (await call('/api/v1/points')).balance;
    } catch (e) {
      show(problem, sentenceFor(e));
    }
    showBalance();
  }

  async function chargePoints(event) {
    event.preventDefault();
    const points = Number(amount.value);
    if (!Number.isInteger(points) || points < 1) {
      show(problem, 'Enter a whole number of points above zero.');
      amount.focus();
      return;
    }
    charge.disabled = true;
    show(problem);
    try {
      balance = (await call('/api/v1/points/charge', {method: 'POST', body: {amount: points}, idempotencyKey: chargeKey})).balance;
      chargeKey = newIdempotencyKey();
      amount.value = '';
      show(state, `Added ${formatPoints(points)}.`);
    } catch (e) {
      show(problem, sentenceFor(e));
    } finally {
      charge.disabled = false;
    }
    showBalance();
  }

  async function payNow() {
    if (paying) {
      return;
    }
    const place = placeInLine(reservation.concertId);
    paying = true;
    pay.disabled = true;
    show(problem);
    show(state, 'Paying…');
    try {
      const payment = await call('/api/v1/payments', {
        method: 'POST', body: {reservationId: Number(reservationId)},
        queueToken: place?.token, idempotencyKey: paymentKey(reservationId),
      });
      // paying ends the fan's turn in line
      forgetPlace(reservation.concertId);
      balance = payment.balance;
      reservation = {...reservation, status: 'CONFIRMED'};
      settle();
    } catch (e) {
      paying = false;
      show(state);
      show(problem, sentenceFor(e));
      if (e.code === 'RESERVATION_EXPIRED' || e.code === 'RESERVATION_NOT_PAYABLE') {
        reservation = await call(`/api/v1/reservations/${reservationId}`).catch(() => reservation);
        settle();
      } else if (e.code === 'TOKEN_INVALID' || e.code === 'TOKEN_MISSING') {
        forgetPlace(reservation.concertId);
        show(problem, sentenceFor(e), ' ',
          h('a', {href: `#/concerts/${reservation.concertId}/line`}, 'Join the line again'), ' to pay this hold while it lasts.');
      } else if (e.code === 'TOKEN_NOT_ACTIVE') {
        show(problem, sentenceFor(e), ' ', h('a', {href: `#/concerts/${reservation.concertId}/line`}, 'Back to the line'));
      }
      showBalance();
    }
  }

  async function cancelHold() {
    cancel.disabled = true;
    show(problem);
    try {
      await call(`/api/v1/reservations/${reservationId}`, {method: 'DELETE'});
      reservation = {...reservation, status: 'CANCELLED'};
    } catch (e) {
      cancel.disabled = false;
      show(problem, sentenceFor(e));
      if (e.code !== 'RESERVATION_NOT_CANCELLABLE') {
        return;
      }
      reservation = await call(`/api/v1/reservations/${reservationId}`).catch(() => reservation);
    }
    settle();
  }

  /** The hold is over, one way or another: say how, and offer what comes next. */
  function settle() {
    clearInterval(timer);
    timer = null;
    if (reservation.status === 'HELD') {
      return;
    }
    countdown.remove();
    checkout.remove();
    const map = `#/concerts/${reservation.concertId}/performances/${reservation.scheduleId}`;
    const outcomes = {
      CONFIRMED: [h('h2', {}, 'Paid. Enjoy the show!'),
        h('p', {}, `The seats are yours.${balance === null ? '' : ` Points left: ${formatPoints(balance)}.`}`),
        h('p', {}, h('a', {href: '#/reservations'}, 'See my reservations'))],
      EXPIRED: [h('h2', {}, 'Your hold ran out'),
        h('p', {}, 'It was not paid in time, so its seats went back on sale. Nothing was charged.'),
        h('p', {}, h('a', {href: map}, 'Pick seats again'), ' while your turn lasts.')],
      CANCELLED: [h('h2', {}, 'Hold cancelled'),
        h('p', {}, 'Its seats are back on sale. Nothing was charged.'),
        h('p', {}, h('a', {href: map}, 'Back to the seat map'))],
    };
    main.querySelector('h1').textContent = {CONFIRMED: 'Booked', EXPIRED: 'Hold ran out', CANCELLED: 'Hold cancelled'}[reservation.status] ?? 'Reservation';
    show(state, outcomes[reservation.status] ?? reservation.status);
    state.classList.add(`outcome-${reservation.status.toLowerCase()}`);
  }

  if (reservation.status !== 'HELD') {
    settle();
    return;
  }
  showBalance();
  tick();
  timer = setInterval(tick, 250);
  readBalance();
  return () => clearInterval(timer);
}
