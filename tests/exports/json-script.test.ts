import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/exports/json-script.ts';
import { hostileTexts } from './hostile.ts';

describe('jsonForScript', () => {
  it('is JSON that reads back as the same value', () => {
    const value = { name: 'Q&A <live>', list: [...hostileTexts], nested: { n: 1, ok: true, none: null } };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });

  it('holds no character that could end or confuse a script element', () => {
    const out = jsonForScript({ a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: ']]>', d: 'line\u2028para\u2029', e: 'javascript:alert(1)' });
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out.toLowerCase()).not.toContain('</script');
    expect(out).toContain('\\u003c/script\\u003e');
    expect(out).toContain('\\u2028');
    expect(out).toContain('"e":"javascript:alert(1)"');
  });

  it('writes null for values JSON cannot hold', () => {
    expect(jsonForScript(undefined)).toBe('null');
  });
});
