// Every error code the API can answer has a sentence a fan understands: the codes of the contract's table
// (API.md, where this checkout has it beside it) and of the service's own ProblemCode, which lists them all.

import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {CODES, sentenceFor} from '../adapter-in-web/src/main/resources/static/app/messages.js';

const PROBLEM_CODE = new URL('../adapter-in-web/src/main/java/com/concert/adapter/in/web/error/ProblemCode.java', import.meta.url);

async function serviceCodes() {
  const source = await readFile(PROBLEM_CODE, 'utf8');
  const body = source.slice(source.indexOf('enum ProblemCode'), source.indexOf(';', source.indexOf('enum ProblemCode')));
  return [...body.matchAll(/^\s+([A-Z][A-Z_]+),?\s*$/gm)].map(match => match[1]);
}

test('every code the service answers has a sentence of its own', async () => {
  const codes = await serviceCodes();
  assert.ok(codes.includes('SEAT_UNAVAILABLE') && codes.includes('RATE_LIMITED'), `codes read: ${codes}`);
  assert.deepEqual(codes.filter(code => !CODES.includes(code)), [], 'codes without a sentence');
  for (const code of codes) {
    const sentence = sentenceFor({code, retryAfterSeconds: 3});
    assert.ok(!sentence.includes(code), `${code} is said in words, not by its name: ${sentence}`);
    assert.match(sentence, /^[A-Z].*[.!]$/, `${code} is a sentence: ${sentence}`);
  }
});

test('a rate limit and an outage say when to try again', () => {
  assert.equal(sentenceFor({code: 'RATE_LIMITED', retryAfterSeconds: 2}),
    'You are going a little fast. Please wait 2 s and try again.');
  assert.match(sentenceFor({code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 90}), /try again in 1 min 30 s\.$/);
});

test('the seat just taken, the hold run out, too few points and still in line are told apart', () => {
  assert.match(sentenceFor({code: 'SEAT_UNAVAILABLE'}), /just taken by another fan/);
  assert.match(sentenceFor({code: 'RESERVATION_EXPIRED'}), /hold ran out/);
  assert.match(sentenceFor({code: 'INSUFFICIENT_POINTS'}), /not have enough points/);
  assert.match(sentenceFor({code: 'TOKEN_NOT_ACTIVE'}), /still in line/);
});
