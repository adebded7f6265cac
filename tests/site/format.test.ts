import { describe, expect, it } from 'vitest';
import { isolate } from '../../src/site/format.ts';

describe('isolate', () => {
  it('leaves text without bidirectional controls as it is, right-to-left letters included', () => {
    expect(isolate('Signal & Noise')).toBe('Signal & Noise');
    expect(isolate('שלום')).toBe('שלום');
  });

  it('wraps text with an override or embedding in FSI…PDI, whose PDI ends them', () => {
    expect(isolate('Ann\u202e')).toBe('\u2068Ann\u202e\u2069');
    expect(isolate('a\u202bb\u202cc')).toBe('\u2068a\u202bb\u202cc\u2069');
  });

  it('closes isolates left open and drops PDIs that would close the wrapper early', () => {
    expect(isolate('\u2066Bob')).toBe('\u2068\u2066Bob\u2069\u2069');
    expect(isolate('\u2069\u202eevil')).toBe('\u2068\u202eevil\u2069');
    expect(isolate('\u2067a\u2069\u2069b')).toBe('\u2068\u2067a\u2069b\u2069');
  });
});
