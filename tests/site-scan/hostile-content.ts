/**
 * A content folder made of hostile input, for the site scan
 * (tests/hostile-site.test.ts): every `tests/fixtures/hostile/` case whose
 * ingest yields an episode without an error (a file with errors stops the
 * build, so it never reaches a page), plus episodes written here that put a
 * payload into every field a page, feed, index or export shows: titles, show
 * names, speaker names, hosts, guests, summaries, tags, chapter titles,
 * transcript text, media URLs in front matter, and a curated topic file.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';
import { fixtureInput, fixtureInputName } from '../fixture-harness.ts';

/** Strings that are markup, script or template syntax somewhere; each must reach every output as text. */
export const payloads = {
  script: `<script>alert('x1')</script>`,
  img: '<img src=x onerror=alert(2)>',
  svg: '<svg onload=alert(3)>',
  iframe: '<iframe src="javascript:alert(4)"></iframe>',
  attribute: '" onmouseover="alert(5)" x="',
  closeScript: '</script><script>alert(6)</script>',
  cdata: ']]><x>',
  /** Decoded once it is `&lt;b&gt;`: shown as those eight characters, never as `<b>`. */
  doubleDecode: '&lt;b&gt;bait&lt;/b&gt; &amp;amp;',
} as const;

/** Template syntax with sentinel words around it, so a rendered `49` would be found in its place. */
export const templateMarkers = ['tpl-a {{7*7}} tpl-a', 'tpl-b ${7*7} tpl-b', 'tpl-c <%= 7*7 %> tpl-c'] as const;
/** What each marker would read if something evaluated it. */
export const evaluatedMarkers = ['tpl-a 49 tpl-a', 'tpl-b 49 tpl-b', 'tpl-c 49 tpl-c'] as const;

/** A speaker name with a right-to-left override: the site must isolate it from the text around it. */
export const bidiName = 'Eve \u202eevil\u202c Doe';
/** A guest named like a path. */
export const pathName = '../../etc/passwd';

/** The title, show and people of the written episode that carries every payload, for targeted checks. */
export const carrier = {
  slug: 'carrier',
  title: `${payloads.script} ${payloads.closeScript} ${templateMarkers.join(' ')}`,
  show: `${payloads.svg} Show ${payloads.cdata}`,
  host: `Ann ${payloads.img}`,
  guest: bidiName,
  summary: `${payloads.doubleDecode} ${payloads.attribute} ${payloads.iframe} javascript:alert(7)`,
} as const;

/** YAML double-quoted string (JSON is valid YAML flow syntax). */
const q = (text: string) => JSON.stringify(text);

/** Episodes written for the scan: relative path → file text. */
function writtenEpisodes(): Record<string, string> {
  const cue = (n: number, text: string) => {
    const t = (s: number) => `00:00:${String(s).padStart(2, '0')},000`;
    return `${n}\n${t(n * 2)} --> ${t(n * 2 + 2)}\n${text}\n`;
  };
  const lines = [
    `Speaker 1: ${payloads.script} said as words`,
    `Speaker 2: ${payloads.img} and ${payloads.svg}`,
    `Speaker 1: ${payloads.iframe} then ${payloads.attribute}`,
    `Speaker 2: ${payloads.closeScript} ${payloads.cdata}`,
    // SRT decodes entities once: the page shows `<b>bait</b>` as text, never bold.
    `Speaker 1: ${payloads.doubleDecode}`,
    ...templateMarkers.map((m, i) => `Speaker ${(i % 2) + 1}: ${m}`),
    'Speaker 2: javascript:alert(8) and data:text/html,<script>alert(9)</script>',
    `Speaker 1: a quote from ${bidiName} ends here`,
  ];
  return {
    'carrier-show/carrier.srt': lines.map((text, i) => cue(i + 1, text)).join('\n'),
    'carrier-show/carrier.yml': [
      `title: ${q(carrier.title)}`,
      `slug: ${carrier.slug}`,
      `show: ${q(carrier.show)}`,
      'date: 2025-01-02',
      `hosts: [${q(carrier.host)}]`,
      `guests: [${q(carrier.guest)}, ${q(pathName)}]`,
      'speakers:',
      `  Speaker 1: ${q(carrier.host)}`,
      `  Speaker 2: ${q(carrier.guest)}`,
      `summary: ${q(carrier.summary)}`,
      `tags: [${q(payloads.script)}, ${q(templateMarkers[0])}]`,
      `topics: [${q(payloads.img)}]`,
      // Valid http(s) URLs that still hold quotes, angle brackets and ampersands.
      `url: ${q(`https://example.org/watch?v=1&x="><script>alert(10)</script>`)}`,
      `audio: ${q(`https://cdn.example.org/a.mp3?x='onerror='alert(11)`)}`,
      'youtube: dQw4w9WgXcQ',
      '',
    ].join('\n'),
    // Front matter with script URLs: ignored with a warning, so the episode builds and must not link them.
    'carrier-show/script-urls.md': [
      '---',
      `title: ${q(`${payloads.iframe} ${bidiName}`)}`,
      'url: "javascript:alert(12)"',
      'audio: "javascript:alert(13)"',
      'youtube: "javascript:alert(14)"',
      'video_id: "data:text/html,<script>alert(15)</script>"',
      '---',
      '',
      `## &lt;script&gt;alert('chapter')&lt;/script&gt; ${templateMarkers[1]}`,
      '',
      `**&lt;img src=x onerror=alert(16)&gt;:** [click me](javascript:alert(17)) and ![x](javascript:alert(18)).`,
      '',
      `**${pathName}:** ${templateMarkers[2]} &amp;lt;i&amp;gt;`,
      '',
      `**&lt;img src=x onerror=alert(16)&gt;:** <a href="javascript:alert(19)">here</a> and \\<svg onload=alert(20)\\>.`,
      '',
    ].join('\n'),
    // WebVTT: a hostile header title and voice names, entities in cue text.
    'webvtt/voices.vtt': [
      `WEBVTT - ${templateMarkers[0]} ${bidiName}`,
      '',
      '00:00:01.000 --> 00:00:02.000',
      `<v ${bidiName}>&lt;script&gt;alert(21)&lt;/script&gt; ${templateMarkers[1]}`,
      '',
      '00:00:02.000 --> 00:00:03.000',
      `<v ${pathName}>&lt;svg onload=alert(22)&gt; and ]]&gt;`,
      '',
      '00:00:03.000 --> 00:00:04.000',
      `<v ${bidiName}>back to you`,
      '',
    ].join('\n'),
    // Timestamp bullets with a hostile show and title in front matter.
    'bullets.md': [
      '---',
      `title: ${q(`${payloads.svg} bullets`)}`,
      `show: ${q(`${payloads.closeScript} ${bidiName}`)}`,
      `summary: ${q(templateMarkers.join(' '))}`,
      '---',
      '',
      `- [00:01] ${payloads.script}`,
      `- [00:05] ${templateMarkers[2]}`,
      `- [00:09] ${bidiName}: &lt;iframe&gt;`,
      '',
    ].join('\n'),
  };
}

/** A curated topic whose every field is hostile; its body is Markdown with raw HTML and script links. */
export const hostileTopic = [
  '---',
  `title: ${q(`Topic ${payloads.svg} ${bidiName}`)}`,
  `aliases: [${q(`alias ${payloads.script}`)}]`,
  `description: ${q(`${payloads.img} ${templateMarkers[0]}`)}`,
  '---',
  '',
  '<script>alert(30)</script>',
  '',
  '<iframe src="javascript:alert(31)"></iframe>',
  '',
  `A paragraph with <img src=x onerror=alert(32)>, [a link](javascript:alert(33)), [data](data:text/html,hi),`,
  `[vb](vbscript:msgbox), <a href="javascript:alert(34)">raw</a>, [out](https://www.iea.org/), [elsewhere](//evil.example/a) and ${templateMarkers[1]} &lt;b&gt;.`,
  '',
  '![img](javascript:alert(35))',
  '',
].join('\n');

export interface HostileContent {
  /** Fixture cases copied in (their ingest yields an episode and no error). */
  fixtures: string[];
  /** Fixture cases left out: no episode, or an error that would stop the build. */
  refused: string[];
  /** Transcript files in the folder. */
  transcripts: number;
}

/** Write `<dir>/episodes/**` and `<dir>/topics/hostile.md`. */
export function writeHostileContent(dir: string, fixtureRoot = 'tests/fixtures/hostile'): HostileContent {
  const episodes = join(dir, 'episodes');
  const result: HostileContent = { fixtures: [], refused: [], transcripts: 0 };
  for (const kase of readdirSync(fixtureRoot).sort()) {
    const from = join(fixtureRoot, kase);
    const inputName = fixtureInputName(from);
    if (!inputName) continue;
    const { episode, diagnostics } = parseTranscript(fixtureInput(from, inputName));
    if (!episode || diagnostics.some((d) => d.severity === 'error')) {
      result.refused.push(kase);
      continue;
    }
    // One folder per case: `input.*` names would otherwise collide (and the folder names the show).
    mkdirSync(join(episodes, 'fixtures', kase), { recursive: true });
    for (const name of readdirSync(from)) {
      if (name === inputName || name === 'input.yml') copyFileSync(join(from, name), join(episodes, 'fixtures', kase, name));
    }
    result.fixtures.push(kase);
    result.transcripts++;
  }
  for (const [path, text] of Object.entries(writtenEpisodes())) {
    mkdirSync(join(episodes, path, '..'), { recursive: true });
    writeFileSync(join(episodes, path), text);
    if (!path.endsWith('.yml')) result.transcripts++;
  }
  mkdirSync(join(dir, 'topics'), { recursive: true });
  writeFileSync(join(dir, 'topics', 'hostile.md'), hostileTopic);
  return result;
}
