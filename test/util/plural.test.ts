import { describe, expect, it } from 'vitest';
import { counted } from '../../src/util/plural.js';

describe('counted', () => {
  it.each([
    [0, 'document', undefined, '0 documents'],
    [1, 'document', undefined, '1 document'],
    [2, 'document', undefined, '2 documents'],
    [1, 'person', 'people', '1 person'],
    [5, 'person', 'people', '5 people'],
  ])('%i %s', (n, one, many, expected) => {
    expect(counted(n, one, many)).toBe(expected);
  });
});
