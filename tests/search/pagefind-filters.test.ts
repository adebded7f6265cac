import { describe, expect, it } from 'vitest';
import { pagefindFilters } from '../../src/search/pagefind-engine.ts';

describe('pagefindFilters', () => {
  it('asks for any selected value of a key, every key', () => {
    expect(pagefindFilters({ show: ['A', 'B'], year: ['2025'], topic: [] })).toEqual({ show: { any: ['A', 'B'] }, year: { any: ['2025'] } });
  });

  it('selects moments as the records that are not pages, since passages carry no kind', () => {
    expect(pagefindFilters({ kind: ['moment'], show: ['A'] })).toEqual({ kind: { none: ['page'] }, show: { any: ['A'] } });
    expect(pagefindFilters({ kind: ['page'] })).toEqual({ kind: { any: ['page'] } });
    expect(pagefindFilters({ kind: ['moment', 'page'] })).toEqual({});
  });
});
