// My reservations, newest first, with my points.

import {call} from '../api.js';
import {formatDateTime, formatPoints, h, show} from '../dom.js';
import {concert} from '../store.js';

const STATUS = {HELD: 'Held, waiting for payment', CONFIRMED: 'Paid', CANCELLED: 'Cancelled', EXPIRED: 'Ran out'};

export async function reservationsView(main, _params, _query, context) {
  if (!context.session()) {
    show(main, h('h1', {}, 'My reservations'), h('p', {}, 'Sign in to see your reservations.'),
      h('p', {}, context.signInButton('Sign in', '#/reservations')));
    return;
  }
  const [reservations, points] = await Promise.all([call('/api/v1/reservations'), call('/api/v1/points')]);
  const items = Array.isArray(reservations) ? reservations : (reservations.items ?? []);
  const titles = new Map();
  await Promise.all([...new Set(items.map(r => r.concertId))].map(async id => {
    titles.set(id, await concert(id).catch(() => null));
  }));
  show(main,
    h('h1', {}, 'My reservations'),
    h('p', {class: 'balance'}, 'Your points: ', h('strong', {}, formatPoints(points.balance))),
    items.length === 0
      ? h('p', {}, 'No reservation yet. ', h('a', {href: '#/'}, 'Find a concert'))
      : h('ul', {class: 'cards reservations'}, items.map(r => {
        const found = titles.get(r.concertId);
        const performance = found?.schedules.find(s => s.id === r.scheduleId);
        return h('li', {class: `card status-${r.status.toLowerCase()}`, 'data-testid': 'reservation'},
          h('h2', {}, found ? found.title : `Concert ${r.concertId}`),
          h('p', {}, performance ? formatDateTime(performance.performanceAt) : ''),
          h('p', {}, r.seats.map(s => `${s.grade} ${s.number}`).join(', '), ' · ', formatPoints(r.totalPrice)),
          h('p', {class: 'badge'}, STATUS[r.status] ?? r.status),
          r.status === 'HELD' ? h('p', {}, h('a', {href: `#/holds/${r.id}`}, 'Pay or cancel')) : null);
      })));
}
