import fc from 'fast-check';
import { expect, it } from 'vitest';
import { foldWhitespace } from '../../src/transcript/text.ts';
const reference = (t: string) => t.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
it('foldWhitespace matches the regex definition', () => {
  for (const t of ['', ' ', 'a', ' a ', 'a  b', 'a\nb', '\u00a0a\u200bb\u3000', 'a b c', '  ', 'x\t']) expect(foldWhitespace(t)).toBe(reference(t));
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '\t', '\u00a0', '\u200b', '\u2028', '\u3000', '\ufeff', 'b', '\r') }), (t) => { expect(foldWhitespace(t)).toBe(reference(t)); }), { numRuns: 5000 });
});
