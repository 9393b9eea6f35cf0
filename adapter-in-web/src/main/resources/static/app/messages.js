// What a fan reads when the service says no: one sentence per error code of the API contract (docs: API.md).

import {formatDuration} from './dom.js';

const SENTENCES = {
  UNAUTHENTICATED: () => 'Your sign-in has run out. Sign in again to carry on: your place in line is kept.',
  FORBIDDEN: () => 'Your account is not allowed to do that.',
  TOKEN_MISSING: () => 'You need a place in line for this concert first.',
  TOKEN_INVALID: () => 'Your turn for this concert has ended: it ran out, or you paid or left the line. Join the line again to carry on.',
  TOKEN_NOT_ACTIVE: () => 'You are still in line. We will let you in as soon as it is your turn.',
  CONCERT_NOT_FOUND: () => 'We could not find that concert.',
  CONCERT_NOT_AVAILABLE: () => 'This concert cannot be booked right now: booking has not opened yet, or it has closed.',
  SCHEDULE_NOT_FOUND: () => 'We could not find that performance: it may no longer be on sale.',
  SEAT_NOT_FOUND: () => 'One of those seats is not part of this performance. Pick again from the map.',
  SEAT_UNAVAILABLE: () => 'Sorry, a seat you picked was just taken by another fan. Nothing was held: pick another seat.',
  SEAT_LIMIT_EXCEEDED: () => 'You can hold or buy at most 4 seats for one performance, counting the seats you already have.',
  RESERVATION_NOT_FOUND: () => 'We could not find that reservation.',
  RESERVATION_EXPIRED: () => 'Your hold ran out before payment, so its seats went back on sale. Nothing was charged.',
  RESERVATION_NOT_PAYABLE: () => 'This reservation is already paid or cancelled.',
  RESERVATION_NOT_CANCELLABLE: () => 'This reservation can no longer be cancelled: it is paid or has run out.',
  INVALID_AMOUNT: () => 'That amount cannot be added: enter a whole number of points above zero, within the most one charge may add.',
  BALANCE_LIMIT_EXCEEDED: () => 'That would take your points over the most an account may hold. Add fewer points.',
  INSUFFICIENT_POINTS: () => 'You do not have enough points for this payment. Add points, then pay: nothing was charged.',
  IDEMPOTENCY_KEY_REUSED: () => 'This payment was already sent with other details. Reload the page and try again.',
  MALFORMED_REQUEST: () => 'The page sent something the ticket system could not read. Reload the page and try again.',
  VALIDATION_FAILED: () => 'Something you entered is not right. Check it and try again.',
  NOT_FOUND: () => 'That does not exist (any more).',
  METHOD_NOT_ALLOWED: () => 'The page asked for something the ticket system does not do. Reload the page and try again.',
  NOT_ACCEPTABLE: () => 'The page asked for something the ticket system does not do. Reload the page and try again.',
  UNSUPPORTED_MEDIA_TYPE: () => 'The page sent something the ticket system could not read. Reload the page and try again.',
  PAYLOAD_TOO_LARGE: () => 'That was too much to send at once.',
  RATE_LIMITED: seconds => `You are going a little fast. Please wait ${formatDuration(seconds ?? 1)} and try again.`,
  SERVICE_UNAVAILABLE: seconds => `The ticket system is busy or briefly unavailable. Please try again in ${formatDuration(seconds ?? 5)}.`,
  INTERNAL_ERROR: () => 'Something went wrong on our side. Please try again in a moment.',
  NETWORK: () => 'We could not reach the ticket system. Check your connection and try again.',
};

/** The sentence for an ApiError (or any error) a view caught. */
export function sentenceFor(error) {
  const sentence = SENTENCES[error?.code];
  if (sentence) {
    return sentence(error.retryAfterSeconds);
  }
  return error?.code ? `Something went wrong (${error.code}). Please try again.` : (error?.message ?? 'Something went wrong. Please try again.');
}

export const CODES = Object.keys(SENTENCES);
