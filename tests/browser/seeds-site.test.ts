/**
 * A site built from the real transcripts in ../shared/seeds (present in CI,
 * absent in a user's clone, where this skips with a visible message): five
 * episode pages with the sidecars' speaker names, a phrase from the middle
 * of each episode, searched in the browser, lands on its paragraph, and the
 * discovered topics name the episodes' big themes and link both ways.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFolder } from '../../src/node/episode-folder.ts';
import type { Episode } from '../../src/transcript/schema.ts';
import { getBrowser } from './harness.ts';
import { buildAndServe } from './served-site.ts';

const seeds = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const present = existsSync(seeds);
if (!present) console.warn(`\n  ⚠ seeds site test skipped: ${seeds} is absent (it is present in CI)\n`);

/** Five consecutive longer words from the middle of a paragraph in the middle of the episode. */
function phraseOf(episode: Episode): { phrase: string; paragraph: string } {
  const speech = episode.paragraphs.filter((p) => p.kind === 'speech' && p.text.split(' ').length > 30);
  const p = speech[Math.floor(speech.length / 2)] ?? episode.paragraphs[0];
  if (!p) throw new Error(`no paragraphs in ${episode.slug}`);
  const words = p.text.split(' ');
  const middle = Math.floor(words.length / 2);
  return { phrase: words.slice(middle, middle + 6).join(' ').replace(/[^\p{L}\p{N}' -]/gu, ''), paragraph: p.id };
}

describe.skipIf(!present)('site built from ../shared/seeds', () => {
  let url = '';
  let site = '';
  let close: (() => Promise<void>) | undefined;
  const episodes = present ? ingestFolder(seeds).episodes : [];

  beforeAll(async () => {
    const served = await buildAndServe({ content: 'content', episodes: seeds, name: 'seeds' });
    ({ url, dir: site, close } = served);
  }, 180_000);
  afterAll(() => close?.());

  it('has five episode pages with the speakers named by the sidecars', () => {
    expect(episodes).toHaveLength(5);
    for (const episode of episodes) {
      const html = readFileSync(join(site, 'episodes', episode.slug, 'index.html'), 'utf8');
      for (const speaker of episode.speakers.filter((s) => !/^Speaker \d+$/.test(s.name))) expect(html).toContain(speaker.name);
    }
    const all = episodes.flatMap((e) => e.speakers.map((s) => s.name));
    for (const name of ['Ed Zitron', 'Paul Kedrosky', 'Dylan Patel', 'Joe Weisenthal', 'Tracy Alloway', 'Zvi Mowshowitz']) expect(all).toContain(name);
  });

  for (const [i] of [0, 1, 2, 3, 4].entries()) {
    it(`a phrase from seed episode ${i + 1} lands on its paragraph`, async () => {
      const episode = episodes[i];
      if (!episode) throw new Error('missing episode');
      const { phrase, paragraph } = phraseOf(episode);
      const context = await (await getBrowser()).newContext();
      const page = await context.newPage();
      await page.goto(`${url}search/?q=${encodeURIComponent(phrase)}`);
      await page.waitForSelector('[data-search-result]');
      const hrefs = await page.locator('[data-search-result] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const target = `/episodes/${episode.slug}/`;
      const first = hrefs.find((h) => h.includes(target) && h.includes('#'));
      expect(first, `"${phrase}" → ${hrefs.slice(0, 5).join(' ')}`).toBeDefined();
      const found = Number(first?.split('#p')[1]);
      const expected = Number(paragraph.slice(1));
      expect(found, `"${phrase}" expected #${paragraph}, got ${first}`).toBe(expected);
      await page.goto(new URL(first ?? '', page.url()).href);
      const text = await page.evaluate(() => document.querySelector(':target')?.textContent ?? '');
      expect(text.length).toBeGreaterThan(0);
      await context.close();
    });
  }

  it('discovers the seeds\' big themes, misspellings merged, and every episode links its topics', () => {
    const index = readFileSync(join(site, 'topics', 'index.html'), 'utf8');
    for (const name of ['Nvidia', 'OpenAI', 'DeepSeek', 'Groq', 'Diffusion rule', 'China', 'Data center', 'GPUs', 'Anthropic', 'Inference']) expect(index).toContain(`>${name}</a>`);
    const nvidia = readFileSync(join(site, 'topics', 'nvidia', 'index.html'), 'utf8');
    expect(nvidia).toMatch(/Also heard as.*Navidia/s);
    for (const episode of episodes) {
      const html = readFileSync(join(site, 'episodes', episode.slug, 'index.html'), 'utf8');
      const chips = html.match(/<nav class="episode-topics"[\s\S]*?<\/nav>/)?.[0] ?? '';
      expect((chips.match(/href="\/topics\//g) ?? []).length, episode.slug).toBeGreaterThanOrEqual(5);
      expect((html.match(/class="topic-link"/g) ?? []).length, episode.slug).toBeGreaterThan(10);
    }
  });

  it('a topic page\'s first mention leads to a paragraph that links back to the topic', async () => {
    const context = await (await getBrowser()).newContext();
    const page = await context.newPage();
    await page.goto(`${url}topics/nvidia/`);
    await page.locator('ol.mentions a.moment').first().click();
    await page.waitForURL(/#p\d+$/);
    const links = await page.evaluate(() => [...(document.querySelector(':target')?.querySelectorAll('a.topic-link') ?? [])].map((a) => a.getAttribute('href')));
    expect(links).toContain('/topics/nvidia/');
    await context.close();
  });
});
