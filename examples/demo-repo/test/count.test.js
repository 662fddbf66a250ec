import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWords } from '../src/count.js';

test('countWords counts words', () => {
  assert.equal(countWords('The quick brown fox.'), 4);
});

test('countWords keeps contractions and hyphenated words whole', () => {
  assert.equal(countWords("It's a well-known fact."), 4);
});

test('countWords of an empty text is 0', () => {
  assert.equal(countWords(''), 0);
});
