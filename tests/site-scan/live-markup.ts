/**
 * The site scanner for tests/hostile-site.test.ts: reads every file of a
 * built site and reports anything that content could have turned into live
 * markup. HTML goes through parse5 (the HTML standard's parsing algorithm,
 * so the scanner sees what a browser builds), XML through saxes (strict,
 * namespace-aware), JSON through JSON.parse, Pagefind fragments are
 * decompressed and parsed, captions are read token by token.
 *
 * What is "ours" comes from a reference: the same scanner run over a site
 * built from the benign sample content. Scripts, SVG icons, tag and
 * attribute names, XML element names and the bundled assets of the hostile
 * site must all be ones the benign site has; content cannot add any.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { parse, parseFragment, serializeOuter } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { SaxesParser } from 'saxes';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type TextNode = DefaultTreeAdapterTypes.TextNode;

/** What the benign build holds: anything else in a hostile build came from content. */
export interface Reference {
  /** Serialized `<script>` elements other than JSON-LD. */
  scripts: Set<string>;
  /** Serialized `<svg>` elements (our icons). */
  svgs: Set<string>;
  /** HTML tag names. */
  tags: Set<string>;
  /** HTML attribute names. */
  attributes: Set<string>;
  /** XML element names (feed and sitemap). */
  xmlElements: Set<string>;
  /** Bytes of the site's own assets (JS, CSS, SVG, WebAssembly) by site path. */
  assets: Map<string, Buffer>;
}

export const emptyReference = (): Reference => ({
  scripts: new Set(),
  svgs: new Set(),
  tags: new Set(),
  attributes: new Set(),
  xmlElements: new Set(),
  assets: new Map(),
});

/** Explicit bidirectional formatting characters: embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
export const bidiControl = /[\u202a-\u202e\u2066-\u2069]/;

/** Attributes whose value the browser loads or navigates to. */
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'data', 'background', 'ping', 'manifest', 'longdesc', 'xlink:href', 'codebase']);
/** Elements that embed other documents or change how the page loads. */
const forbiddenTags = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'math']);

/**
 * The problem with a URL attribute value, or undefined when it is http(s),
 * mailto, a fragment or relative. Browsers ignore leading blanks and remove
 * tabs and line feeds anywhere, so `java\tscript:` is a scheme too.
 */
export function urlProblem(value: string): string | undefined {
  const cleaned = value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto') return undefined;
  return `${scheme}: URL ${JSON.stringify(value.slice(0, 60))}`;
}

/** True when `rel` holds both `noopener` and `noreferrer`. */
const safeRel = (rel: string | undefined) => {
  const words = new Set((rel ?? '').toLowerCase().split(/\s+/));
  return words.has('noopener') && words.has('noreferrer');
};

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const isElement = (node: Node): node is Element => 'tagName' in node;
const children = (node: Node): Node[] => ('content' in node && node.nodeName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : []);
const textOf = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : children(node).map(textOf).join(''));

/** Parse errors that say the markup is broken (content characters such as C1 controls are reported too, but are only text). */
const harmlessParseErrors = new Set(['control-character-in-input-stream', 'noncharacter-in-input-stream']);

export interface HtmlScanOptions {
  /** Origin of the built site (`https://example.org`); links elsewhere are external. */
  origin: string;
}

/** Add what a benign page holds to the reference. */
export function learnHtml(html: string, reference: Reference): void {
  const walk = (node: Node) => {
    if (isElement(node)) {
      reference.tags.add(node.tagName);
      for (const a of node.attrs) reference.attributes.add(a.name);
      if (node.tagName === 'script' && attr(node, 'type') !== 'application/ld+json') reference.scripts.add(serializeOuter(node));
      if (node.tagName === 'svg') reference.svgs.add(serializeOuter(node));
    }
    for (const child of children(node)) walk(child);
  };
  walk(parse(html));
}

/**
 * Everything in one HTML page that content could have made live: elements,
 * attributes, scripts and SVG not in the reference, event handlers, unsafe
 * URLs, JSON-LD that does not parse or could end its script, external links
 * without `rel="noopener noreferrer"`, bidirectional controls outside an
 * isolating element, and parse errors that mean broken markup.
 */
export function htmlProblems(html: string, reference: Reference, options: HtmlScanOptions): string[] {
  const problems: string[] = [];
  const document = parse(html, {
    onParseError: (error) => {
      if (!harmlessParseErrors.has(error.code)) problems.push(`parse error ${error.code} at ${error.startLine}:${error.startCol}: ${html.slice(error.startOffset, error.startOffset + 60)}`);
    },
  });
  const csp = cspScriptHashes(document);
  problems.push(...headOrderProblems(document));
  const walk = (node: Node) => {
    if (!isElement(node)) {
      if (node.nodeName === '#text' && bidiControl.test(node.value)) {
        const problem = bidiProblem(node);
        if (problem) problems.push(problem);
      }
      for (const child of children(node)) walk(child);
      return;
    }
    const tag = node.tagName;
    const where = `<${tag}>`;
    if (forbiddenTags.has(tag)) problems.push(`${where} element`);
    if (!reference.tags.has(tag)) problems.push(`${where} is not an element the site writes`);
    for (const { name, value } of node.attrs) {
      if (/^on/i.test(name)) problems.push(`${where} event handler ${name}=${JSON.stringify(value.slice(0, 40))}`);
      else if (!reference.attributes.has(name)) problems.push(`${where} attribute ${name} is not one the site writes`);
      if (urlAttributes.has(name)) {
        const problem = urlProblem(value);
        if (problem) problems.push(`${where} ${name}: ${problem}`);
      }
      if (name === 'srcset' || name === 'srcdoc') problems.push(`${where} ${name} attribute`);
      if (name === 'style' && /url\(|expression\(|javascript:|@import/i.test(value)) problems.push(`${where} style loads something: ${value.slice(0, 60)}`);
    }
    if (tag === 'meta' && attr(node, 'http-equiv')?.toLowerCase() === 'refresh') problems.push('<meta http-equiv="refresh">');
    if (tag === 'a') {
      const href = attr(node, 'href');
      // Absolute, or scheme-relative ("//host/", which browsers also read with backslashes): another site unless its origin is ours.
      const external = href !== undefined && /^\s*(?:https?:|[/\\]{2})/i.test(href) && new URL(href.trim(), options.origin).origin !== options.origin;
      if ((external || attr(node, 'target') !== undefined) && !safeRel(attr(node, 'rel'))) {
        problems.push(`<a href=${JSON.stringify(href)}> leaves the site without rel="noopener noreferrer"`);
      }
    }
    if (tag === 'script') {
      problems.push(...scriptProblems(node, reference, csp));
      return; // its text is script data, checked above
    }
    if (tag === 'svg') {
      if (attr(node, 'class') === 'chart') problems.push(...chartProblems(node));
      else if (!reference.svgs.has(serializeOuter(node))) problems.push(`<svg> that is not one of the site's icons: ${serializeOuter(node).slice(0, 80)}`);
      return;
    }
    for (const child of children(node)) walk(child);
  };
  walk(document);
  return problems;
}

/** What a data chart (`<svg class="chart">`, drawn from content: the topic timeline) may hold: shapes, links and tooltips. */
const chartElements: Record<string, ReadonlySet<string>> = {
  svg: new Set(['class', 'viewBox', 'preserveAspectRatio', 'aria-hidden', 'focusable']),
  rect: new Set(['class', 'x', 'y', 'width', 'height', 'rx']),
  a: new Set(['href', 'tabindex']),
  title: new Set(),
};

/** A chart differs page by page, so it is checked by shape: known elements and attributes only, numbers as numbers, safe links, text only in titles. */
function chartProblems(svg: Element): string[] {
  const problems: string[] = [];
  const walk = (node: Node, parent: string) => {
    if (!isElement(node)) {
      if (node.nodeName === '#text' && parent !== 'title' && (node as TextNode).value.trim() !== '') problems.push(`chart <${parent}> holds text`);
      for (const child of children(node)) walk(child, parent);
      return;
    }
    const allowed = chartElements[node.tagName];
    if (!allowed) {
      problems.push(`chart holds <${node.tagName}>`);
      return;
    }
    for (const { name, value } of node.attrs) {
      if (!allowed.has(name)) problems.push(`chart <${node.tagName}> attribute ${name}`);
      else if (['x', 'y', 'width', 'height', 'rx', 'tabindex'].includes(name) && !/^-?\d+(?:\.\d+)?$/.test(value)) problems.push(`chart <${node.tagName}> ${name}="${value.slice(0, 40)}"`);
      else if (name === 'href') {
        const problem = urlProblem(value);
        if (problem) problems.push(`chart <a> href: ${problem}`);
      }
    }
    if (node.tagName === 'title' && children(node).some(isElement)) problems.push('chart <title> holds elements');
    for (const child of children(node)) walk(child, node.tagName);
  };
  walk(svg, 'svg');
  return problems;
}

/**
 * A policy in a `<meta>` covers only what is parsed after it: the head must
 * open with `<meta charset>` and then the Content-Security-Policy, before
 * any element that carries content (title, description, JSON-LD).
 */
function headOrderProblems(document: Node): string[] {
  const find = (node: Node, tag: string): Element | undefined => {
    if (isElement(node) && node.tagName === tag) return node;
    for (const child of children(node)) {
      const found = find(child, tag);
      if (found) return found;
    }
    return undefined;
  };
  const head = find(document, 'head');
  const [first, second] = head ? children(head).filter(isElement) : [];
  const isCsp = (e: Element | undefined) => e?.tagName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy';
  if (first?.tagName !== 'meta' || attr(first, 'charset') === undefined) return ['<head> does not start with <meta charset>'];
  return isCsp(second) ? [] : [`<head> has <${second?.tagName ?? 'nothing'}> before the Content-Security-Policy <meta>: what comes before it is not covered`];
}

/** SHA-256 hashes the page's Content-Security-Policy allows for scripts. */
function cspScriptHashes(document: Node): Set<string> {
  const hashes = new Set<string>();
  const walk = (node: Node) => {
    if (isElement(node) && node.tagName === 'meta' && attr(node, 'http-equiv')?.toLowerCase() === 'content-security-policy') {
      const scriptSrc = (attr(node, 'content') ?? '').split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      for (const m of scriptSrc.matchAll(/'sha256-([^']+)'/g)) hashes.add(m[1] ?? '');
    }
    for (const child of children(node)) walk(child);
  };
  walk(document);
  return hashes;
}

/** A script is ours when it is JSON-LD that parses and cannot end early, or one the benign site has and the CSP allows. */
function scriptProblems(script: Element, reference: Reference, csp: Set<string>): string[] {
  const text = textOf(script);
  if (attr(script, 'type') === 'application/ld+json') {
    const problems: string[] = [];
    // `<` could start `</script` or `<!--`; the JSON writer escapes it (and `>` and `&`) as \u003c.
    if (/[<>&]/.test(text)) problems.push(`JSON-LD holds a raw < > or &: ${text.slice(0, 60)}`);
    try {
      problems.push(...jsonUrlProblems(JSON.parse(text), 'JSON-LD'));
    } catch {
      problems.push(`JSON-LD does not parse: ${text.slice(0, 60)}`);
    }
    return problems;
  }
  const problems: string[] = [];
  if (!reference.scripts.has(serializeOuter(script))) problems.push(`<script> the benign site does not have: ${serializeOuter(script).slice(0, 80)}`);
  if (!attr(script, 'src')) {
    const hash = createHash('sha256').update(text).digest('base64');
    if (!csp.has(hash)) problems.push(`inline <script> whose hash the CSP does not allow: ${text.slice(0, 60)}`);
  }
  return problems;
}

/**
 * A text node holding bidirectional controls must sit inside `<bdi>` or an
 * element with `dir`, which isolates it from the text around that element;
 * and when its controls are left open (an override never closed), no text
 * may follow it inside that element, or the override would reorder it.
 * `<title>` cannot hold elements: there every control must lie inside a
 * closed FSI…PDI. Script and style text is not rendered.
 */
function bidiProblem(node: TextNode): string | undefined {
  const text = node.value;
  const parent = node.parentNode as Node | null;
  if (!parent || !isElement(parent)) return `bidirectional control outside any element: ${JSON.stringify(text.slice(0, 40))}`;
  if (parent.tagName === 'script' || parent.tagName === 'style') return undefined;
  if (parent.tagName === 'title') return bidiContained(text) ? undefined : `<title> with a bidirectional control not wrapped in FSI…PDI: ${JSON.stringify(text)}`;
  let isolating: Element | undefined;
  for (let at: Node | null = parent; at && isElement(at); at = at.parentNode as Node | null) {
    if (at.tagName === 'bdi' || attr(at, 'dir') !== undefined) {
      isolating = at;
      break;
    }
  }
  const where = `<${parent.tagName}>`;
  if (!isolating) return `bidirectional control in ${where} outside any <bdi> or dir element: ${JSON.stringify(text.slice(0, 60))}`;
  if (!bidiLeaks(text)) return undefined;
  const texts = textNodes(isolating);
  const after = texts.slice(texts.indexOf(node) + 1).map((t) => ('value' in t ? t.value : '')).join('');
  if (after.trim()) return `an unclosed bidirectional control in ${where} reorders the text after it, ${JSON.stringify(after.slice(0, 40))}`;
  return undefined;
}

/** The text nodes under `node`, in document order. */
function textNodes(node: Node): Node[] {
  if (node.nodeName === '#text') return [node];
  return children(node).flatMap(textNodes);
}

/**
 * True when `text` leaves an embedding, override or isolate open at its end,
 * so that it applies to whatever text follows (UAX #9: PDF closes the last
 * embedding or override, PDI the last isolate and everything opened inside it).
 */
export function bidiLeaks(text: string): boolean {
  const stack: ('embedding' | 'isolate')[] = [];
  for (const c of text) {
    if (/[\u202a\u202b\u202d\u202e]/.test(c)) stack.push('embedding');
    else if (c === '\u202c') {
      if (stack.at(-1) === 'embedding') stack.pop();
    } else if (c === '\u2066' || c === '\u2067' || c === '\u2068') stack.push('isolate');
    else if (c === '\u2069' && stack.includes('isolate')) {
      while (stack.pop() !== 'isolate');
    }
  }
  return stack.length > 0;
}

/**
 * True when every embedding, override and isolate in `text` lies inside an
 * isolate that is closed before the text ends: the text after it cannot be
 * reordered (UAX #9: a PDI ends every embedding opened inside its isolate).
 */
export function bidiContained(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') depth++;
    else if (c === '\u2069') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[\u202a-\u202e]/.test(c)) return false;
  }
  return depth === 0;
}

/** URL-valued fields of parsed JSON (keys named url, href, src, `…Url`, `@id`, `sameAs`) that are not http(s) or relative. */
export function jsonUrlProblems(value: unknown, where: string): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (/^(?:url|href|src|@id|sameAs|embedUrl|contentUrl|thumbnailUrl)$|Url$/.test(key)) {
        const problem = urlProblem(v);
        if (problem) problems.push(`${where} ${key}: ${problem}`);
      }
    } else if (Array.isArray(v)) {
      for (const item of v) walk(item, key);
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, k);
    }
  };
  walk(value, '');
  return problems;
}

/** Elements an HTML parser builds from `text` (none when it is plain text, or escaped markup). */
export function elementsIn(text: string): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (isElement(node)) found.push(node.tagName);
    for (const child of children(node)) walk(child);
  };
  walk(parseFragment(text));
  return found;
}

/** Add a benign feed's or sitemap's element names to the reference. */
export function learnXml(xml: string, reference: Reference): void {
  readXml(xml, (name) => reference.xmlElements.add(name));
}

/**
 * Problems in an XML file: not well-formed, an element the benign site does
 * not write, a link that is not absolute http(s), or a `<description>` that
 * holds markup: RSS descriptions are entity-encoded HTML, so their text must
 * parse as HTML to text only.
 */
export function xmlProblems(xml: string, reference: Reference): string[] {
  const problems: string[] = [];
  const linkElements = new Set(['link', 'guid', 'loc']);
  readXml(
    xml,
    (name, attributes) => {
      if (!reference.xmlElements.has(name)) problems.push(`<${name}> is not an element the site writes`);
      for (const [key, value] of Object.entries(attributes)) {
        if ((key === 'url' || key === 'href') && !/^https?:\/\//.test(value)) problems.push(`<${name} ${key}="${value.slice(0, 60)}"> is not an http(s) URL`);
      }
    },
    (name, text) => {
      if (linkElements.has(name) && !/^https?:\/\/\S+$/.test(text)) problems.push(`<${name}>${text.slice(0, 60)}</${name}> is not an http(s) URL`);
      if (name === 'description') {
        const elements = elementsIn(text);
        if (elements.length > 0) problems.push(`<description> is HTML with <${elements.join('>, <')}>: ${text.slice(0, 80)}`);
      }
    },
    (error) => problems.push(`not well-formed: ${error}`),
  );
  return problems;
}

function readXml(
  xml: string,
  onElement: (name: string, attributes: Record<string, string>) => void,
  onText: (element: string, text: string) => void = () => {},
  onError: (message: string) => void = (message) => {
    throw new Error(message);
  },
): void {
  const parser = new SaxesParser({ xmlns: true });
  const open: string[] = [];
  let text = '';
  parser.on('error', (error) => onError(error.message));
  parser.on('opentag', (tag) => {
    open.push(tag.name);
    text = '';
    onElement(tag.name, Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, a.value])));
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    open.pop();
    onText(tag.name, text);
    text = '';
  });
  parser.write(xml).close();
}

/**
 * Problems in a WebVTT export: the only tags are our voice spans `<v Name>`
 * and the only references `&amp;`, `&lt;`, `&gt;`, so cue text cannot
 * format, style or split a cue.
 */
export function vttProblems(vtt: string): string[] {
  const problems: string[] = [];
  for (const [i, line] of vtt.split('\n').entries()) {
    // The header's text is not shown by players; it only must not hold a timing arrow.
    if (i === 0 && /^WEBVTT(?:[ \t]|$)/.test(line)) {
      if (line.includes('-->')) problems.push(`line 1: a timing arrow in the header`);
      continue;
    }
    const rest = line.replace(/^<v [^<>]+>/, '');
    if (rest.includes('<')) problems.push(`line ${i + 1}: a tag in cue text: ${line.slice(0, 80)}`);
    for (const m of line.matchAll(/&[^;\s]*;?/g)) if (!/^&(?:amp|lt|gt);$/.test(m[0])) problems.push(`line ${i + 1}: reference ${m[0]}`);
  }
  return problems;
}

/** Problems in an SRT export: a formatting tag or ASS override a player would honour, or a timing arrow in text. */
export function srtProblems(srt: string): string[] {
  const problems: string[] = [];
  for (const [i, line] of srt.split('\n').entries()) {
    if (/^\d+:\d\d:\d\d,\d{3} --> \d+:\d\d:\d\d,\d{3}$/.test(line)) continue;
    if (/<\/?(?:i|b|u|s|font|span|em|strong|c|ruby|rt)(?:[\s.][^<>]*)?>/i.test(line)) problems.push(`line ${i + 1}: formatting tag: ${line.slice(0, 80)}`);
    if (line.includes('{\\')) problems.push(`line ${i + 1}: ASS override: ${line.slice(0, 80)}`);
    if (line.includes('-->')) problems.push(`line ${i + 1}: timing arrow in text: ${line.slice(0, 80)}`);
  }
  return problems;
}

/** The JSON of a Pagefind data file: gzip, then the `pagefind_dcd` signature, then (for fragments) JSON. */
export function pagefindPayload(bytes: Buffer): Buffer {
  const data = gunzipSync(bytes);
  if (data.subarray(0, 12).toString('latin1') !== 'pagefind_dcd') throw new Error('no pagefind_dcd signature');
  return data.subarray(12);
}

/** A fragment record as Pagefind stores it. */
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every file under `dir`, as site paths with forward slashes. */
export function siteFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/** What a file is, for the scanner; undefined for a kind it does not know (a new output the scan must learn). */
export function fileKind(path: string): 'html' | 'xml' | 'json' | 'txt' | 'vtt' | 'srt' | 'fragment' | 'pagefind-data' | 'asset' | undefined {
  if (path.endsWith('.html')) return 'html';
  if (path.endsWith('.xml')) return 'xml';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.txt')) return 'txt';
  if (path.endsWith('.vtt')) return 'vtt';
  if (path.endsWith('.srt')) return 'srt';
  if (path.endsWith('.pf_fragment')) return 'fragment';
  if (/\.pf_(?:index|filter|meta)$/.test(path)) return 'pagefind-data';
  if (/\.(?:js|css|svg|pagefind)$/.test(path)) return 'asset';
  return undefined;
}

/** Learn a benign site: every page, feed and asset. */
export function learnSite(dir: string): Reference {
  const reference = emptyReference();
  for (const path of siteFiles(dir)) {
    const kind = fileKind(path);
    if (kind === 'html') learnHtml(readFileSync(join(dir, path), 'utf8'), reference);
    else if (kind === 'xml') learnXml(readFileSync(join(dir, path), 'utf8'), reference);
    else if (kind === 'asset') reference.assets.set(path, readFileSync(join(dir, path)));
  }
  return reference;
}

/** The element holding each text node of a page that contains `needle`, and whether a `<bdi>` or `dir` element encloses it. */
export function occurrences(html: string, needle: string): { element: string; isolated: boolean }[] {
  const found: { element: string; isolated: boolean }[] = [];
  for (const node of textNodes(parse(html))) {
    if (!('value' in node) || !node.value.includes(needle)) continue;
    const parent = node.parentNode as Node | null;
    let isolated = false;
    for (let at = parent; at && isElement(at); at = at.parentNode as Node | null) {
      if (at.tagName === 'bdi' || attr(at, 'dir') !== undefined) isolated = true;
    }
    found.push({ element: parent && isElement(parent) ? parent.tagName : '#document', isolated });
  }
  return found;
}

/** The text of a page's `<body>` as the DOM holds it (character references decoded once, script text left out). */
export function bodyText(html: string): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (isElement(node) && (node.tagName === 'script' || node.tagName === 'style')) return;
    if (node.nodeName === '#text' && 'value' in node) out.push(node.value);
    for (const child of children(node)) walk(child);
  };
  const body = children(parse(html)).flatMap(children).find((n) => isElement(n) && n.tagName === 'body');
  if (body) walk(body);
  return out.join('');
}

/**
 * Problems in an HTML fragment rendered from Markdown (a topic body): no
 * element that runs or embeds anything, no event handler, only safe URLs,
 * and `rel="noopener noreferrer"` on links that leave the site.
 */
export function fragmentProblems(html: string, options: HtmlScanOptions): string[] {
  const problems: string[] = [];
  const walk = (node: Node) => {
    if (isElement(node)) {
      const where = `<${node.tagName}>`;
      if (forbiddenTags.has(node.tagName) || ['script', 'svg', 'style', 'link', 'meta', 'form', 'input', 'button', 'textarea'].includes(node.tagName)) problems.push(`${where} element`);
      for (const { name, value } of node.attrs) {
        if (/^on/i.test(name)) problems.push(`${where} event handler ${name}`);
        if (urlAttributes.has(name)) {
          const problem = urlProblem(value);
          if (problem) problems.push(`${where} ${name}: ${problem}`);
        }
        if (name === 'style' || name === 'srcset' || name === 'srcdoc') problems.push(`${where} ${name} attribute`);
      }
      const href = attr(node, 'href');
      if (node.tagName === 'a' && href !== undefined && /^\s*https?:/i.test(href) && new URL(href.trim()).origin !== options.origin && !safeRel(attr(node, 'rel'))) {
        problems.push(`<a href=${JSON.stringify(href)}> leaves the site without rel="noopener noreferrer"`);
      }
    }
    for (const child of children(node)) walk(child);
  };
  walk(parseFragment(html));
  return problems;
}
