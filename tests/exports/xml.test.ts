import { describe, expect, it } from 'vitest';
import { xmlAttributes, xmlElement, xmlEscape } from '../../src/exports/xml.ts';
import { hostileTexts, xmlForbidden } from './hostile.ts';
import { xmlProblems, xmlUnescape } from './xml-check.ts';

describe('xmlEscape', () => {
  it('escapes the five markup characters', () => {
    expect(xmlEscape(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(xmlEscape('&amp;')).toBe('&amp;amp;');
  });

  it('never lets ]]> or a closing tag through', () => {
    expect(xmlEscape('x ]]> y')).toBe('x ]]&gt; y');
    expect(xmlEscape('</script><script>alert(1)</script>')).toBe('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops characters XML 1.0 cannot hold, keeps the ones it can', () => {
    expect(xmlEscape(xmlForbidden)).toBe('nul bell vertical-tab escape fffe lone-surrogate end');
    expect(xmlEscape('tab\tnewline\nU+2028\u2028 emoji 🎙️ U+FFFD\ufffd')).toBe('tab\tnewline\nU+2028\u2028 emoji 🎙️ U+FFFD\ufffd');
  });

  it('round-trips every hostile string as element text and attribute value', () => {
    for (const text of hostileTexts) {
      const doc = `<root${xmlAttributes({ value: text })}>${xmlEscape(text)}</root>`;
      expect(xmlProblems(doc)).toEqual([]);
      expect(xmlUnescape(/>([^<]*)</.exec(doc)?.[1] ?? '')).toBe(text);
      expect(xmlUnescape(/value="([^"]*)"/.exec(doc)?.[1] ?? '')).toBe(text);
    }
  });
});

describe('xmlElement', () => {
  it('writes text elements and self-closing ones, leaving out undefined attributes', () => {
    expect(xmlElement('title', 'Q&A')).toBe('<title>Q&amp;A</title>');
    expect(xmlElement('link', undefined, { href: 'https://x.org/?a=1&b=2', rel: undefined })).toBe('<link href="https://x.org/?a=1&amp;b=2"/>');
  });
});
