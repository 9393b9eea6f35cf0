// Builds elements from data without ever parsing it as HTML: every text a server sends stays text.

/**
 * h('button', {class: 'primary', onclick: fn}, 'Pay') makes <button class="primary">Pay</button>.
 * Attributes that are false, null or undefined are left out; children may be strings, nodes, arrays or null.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else {
      parent.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces what an element shows. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

const points = new Intl.NumberFormat('en-US');

export function formatPoints(amount) {
  return `${points.format(amount)} points`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

export function formatDateTime(instant) {
  return instant ? dateTime.format(new Date(instant)) : '';
}

const day = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', year: 'numeric'});

export function formatDay(instant) {
  return instant ? day.format(new Date(instant)) : '';
}

/** 95 → "1 min 35 s", 12 → "12 s", 0 → "0 s". */
export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  const minutes = Math.floor(s / 60);
  if (minutes < 60) {
    return s % 60 === 0 ? `${minutes} min` : `${minutes} min ${s % 60} s`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** mm:ss for a countdown. */
export function formatClock(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
