// The concert list with its pages, and one concert with its performances.

import {call} from '../api.js';
import {formatDateTime, formatDay, h, show} from '../dom.js';
import {concert} from '../store.js';

const PAGE_SIZE = 12;

export async function catalogView(main, _params, query) {
  const page = Math.max(0, Number.parseInt(query.get('page') ?? '0', 10) || 0);
  const list = await call(`/api/v1/concerts?page=${page}&size=${PAGE_SIZE}`);
  const pageLink = (to, label, rel) => to < 0 || to >= list.totalPages
    ? h('span', {class: 'pager-edge', 'aria-disabled': 'true'}, label)
    : h('a', {href: `#/concerts?page=${to}`, rel}, label);
  show(main,
    h('h1', {}, 'Concerts on sale'),
    list.items.length === 0
      ? h('p', {}, 'No concert is on sale right now.')
      : h('ul', {class: 'cards'}, list.items.map(item => h('li', {class: 'card'},
        h('h2', {}, h('a', {href: `#/concerts/${item.id}`}, item.title)),
        h('p', {class: 'venue'}, item.venue),
        h('p', {class: 'when'}, item.firstPerformanceAt === item.lastPerformanceAt
          ? formatDateTime(item.firstPerformanceAt)
          : `${formatDay(item.firstPerformanceAt)} – ${formatDay(item.lastPerformanceAt)}`)))),
    h('nav', {class: 'pager', 'aria-label': 'Pages of concerts'},
      pageLink(page - 1, '← Previous', 'prev'),
      h('span', {'aria-current': 'page'}, `Page ${list.totalPages === 0 ? 0 : page + 1} of ${list.totalPages}`),
      pageLink(page + 1, 'Next →', 'next')));
}

export async function concertView(main, [concertId], _query, context) {
  const found = await concert(concertId);
  const session = context.session();
  show(main,
    h('p', {class: 'crumbs'}, h('a', {href: '#/'}, '← All concerts')),
    h('h1', {}, found.title),
    h('p', {class: 'venue'}, found.venue),
    h('h2', {}, 'Performances'),
    h('table', {class: 'performances'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'When'), h('th', {scope: 'col'}, 'Booking'), h('th', {scope: 'col'}, 'Seats'))),
      h('tbody', {}, found.schedules.map(schedule => h('tr', {},
        h('td', {}, formatDateTime(schedule.performanceAt)),
        h('td', {}, schedule.bookableNow ? `open until ${formatDateTime(schedule.bookingClosesAt)}`
          : `from ${formatDateTime(schedule.bookingOpensAt)} to ${formatDateTime(schedule.bookingClosesAt)}`),
        h('td', {}, String(schedule.totalSeats)))))),
    found.bookableNow
      ? h('div', {class: 'actions'},
        h('p', {}, 'Seats are sold through a waiting line: join it, and we let you in to pick seats when it is your turn.'),
        session
          ? h('button', {type: 'button', class: 'primary', onclick: () => context.navigate(`#/concerts/${concertId}/line`)}, 'Join the line')
          : context.signInButton('Sign in to join the line', `#/concerts/${concertId}/line`))
      : h('p', {class: 'note'}, 'Booking is not open for this concert right now.'));
}
