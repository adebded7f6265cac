/**
 * Builds the static site atomically: ingest transcripts and topic files and
 * report every diagnostic first, then run `astro build` into a temporary folder beside the output
 * folder, and only when it succeeds swap it in. A failed or interrupted build
 * leaves the previous site exactly as it was.
 */
import { fork, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir, discoverySettings } from '../corpus/load-corpus.ts';
import { publishSearch, runShards } from '../search-index/build-search-index.ts';
import type { CheckedLinks } from '../search-index/build-search-index.ts';
import { writeFileAtomic } from '../corpus/atomic-write.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import type { BuildCheck, BuildCheckInput } from './build-check.ts';
import { preparePageCache, settlePageCache, siteKey } from './page-cache.ts';
import type { PageCacheOutcome } from './page-cache.ts';
import type { PageCacheDirs } from '../site/page-cache.ts';
import { loadSiteConfig, unknownShows } from './site-config-file.ts';
import { outputTail } from './output-tail.ts';
import { outputFolder, outputProblem } from './output-folder.ts';
import { endChildren, tracked } from './child-processes.ts';
import type { KeptFolders } from './output-folder.ts';

export interface SiteBuildOptions {
  /** Content folder (episodes/, topics/, site config). */
  content: string;
  /** Episodes folder; defaults to `<content>/episodes`. */
  episodes?: string;
  /** Curated topics folder; defaults to `<content>/topics`, null for none. */
  topics?: string | null;
  /** Cache folder for parsed episodes, the topic index and search shards (default src/corpus/load-corpus.ts `defaultCacheDir`). */
  cacheDir?: string;
  /** Search shards made at once once the pages are rendered (default 2; each takes about 650 bytes a word of its transcripts); one while they render. */
  searchConcurrency?: number;
  /** Copy unchanged episode pages from the page cache instead of rendering them (default true). */
  pageCache?: boolean;
  /** Output folder, replaced only when the build succeeds. */
  out: string;
  /** Path prefix the site is served under (`/` or `/kb/`); overrides the site config's `base`. */
  base?: string;
  /** Absolute origin of the deployed site, for canonical URLs and feeds; overrides the site config's `site`. */
  site?: string;
  /** Progress lines (stderr in the CLI). */
  log: (line: string) => void;
  /** Called with every diagnostic before the site is built. */
  report: (diagnostics: readonly Diagnostic[]) => void;
}

export interface SiteBuildResult {
  ok: boolean;
  /** Episode pages reused from the page cache and rendered (absent when the cache is off). */
  pageCache?: PageCacheOutcome;
  episodes: number;
  errors: number;
  warnings: number;
  pages: number;
  searchFiles: number;
  timings: Record<'ingest' | 'render' | 'search' | 'total', number>;
  /** The first phase in detail: reading and parsing the transcripts, then the topic index. */
  corpus: { files: number; parsed: number; reused: number; read: number; topics: number };
  /** Search shards: how many, and how many were indexed (the rest were unchanged). */
  search: { shards: number; indexed: number; passages: number; dataBytes: number; dictionaryBytes: number };
}

/** In a page cache folder: which episode pages (by key) hold every paragraph their search records link to. */
const CHECKED_LINKS = 'checked-links.json';

/** Prefix of temporary build folders; ignored by git, removed after each build. */
export const TEMP_PREFIX = '.verbatim-build-';
/** Prefix of the folder in the system's temporary folder that holds a build's corpus, then its process id. */
const CORPUS_PREFIX = 'verbatim-corpus-';

/** Build the site; never touches `out` unless the new site is complete. */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildResult> {
  const t0 = performance.now();
  const content = resolve(options.content);
  const episodes = resolve(options.episodes ?? join(content, 'episodes'));
  const topics = options.topics === undefined ? join(content, 'topics') : options.topics;
  const cacheDir = resolve(options.cacheDir ?? defaultCacheDir());
  const problem = outputProblem(options.out, keptFolders({ content, episodes, topics, cacheDir }));
  if (problem) throw new OutputFolderError(problem, true);
  // Through a symbolic link: the folder it points to is replaced, and the link kept.
  const out = outputFolder(options.out);
  const result: SiteBuildResult = { ok: false, episodes: 0, errors: 0, warnings: 0, pages: 0, searchFiles: 0, timings: { ingest: 0, render: 0, search: 0, total: 0 },
    corpus: { files: 0, parsed: 0, reused: 0, read: 0, topics: 0 },
    search: { shards: 0, indexed: 0, passages: 0, dataBytes: 0, dictionaryBytes: 0 },
  };

  // The site config, read once: its problems are reported with the transcripts', and the resolved config goes to astro build as a file.
  const siteConfig = loadSiteConfig(content, { ...(options.base === undefined ? {} : { base: options.base }), ...(options.site === undefined ? {} : { site: options.site }) });
  const config = siteConfig.config;
  // The corpus the rest of the build reads (pages, search index): src/corpus/snapshot.ts.
  const snapshot = join(mkdtempSync(join(tmpdir(), `${CORPUS_PREFIX}${process.pid}-`)), 'corpus.json');
  const ready = `${snapshot}.ready`;

  // Beside `out`, so the final rename stays on one file system and is atomic.
  const temp = join(dirname(out), `${TEMP_PREFIX}${basename(out)}-${process.pid}-${Date.now().toString(36)}`);
  // Made now, so a folder the site cannot be written to is found before the work, not after it.
  try {
    mkdirSync(dirname(out), { recursive: true });
    mkdirSync(temp);
  } catch (error) {
    rmSync(dirname(snapshot), { recursive: true, force: true });
    throw new OutputFolderError(`cannot write the site to ${options.out}: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  removeAbandonedBuilds(out);
  // Astro keeps its intermediate server build inside the output folder only when that folder
  // is under the working directory; otherwise in the shared ./.astro/, where two builds at once
  // would overwrite each other. Build under the project then, and move the result beside `out`.
  const inProject = temp.startsWith(process.cwd() + sep);
  const renderDir = inProject ? temp : join(process.cwd(), `${TEMP_PREFIX}${process.pid}-${Date.now().toString(36)}`);
  let pagesDir: PageCacheDirs | null = null;
  const cleanUp = () => {
    rmSync(dirname(snapshot), { recursive: true, force: true });
    rmSync(renderDir, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
    if (pagesDir) rmSync(pagesDir.claims, { recursive: true, force: true });
  };
  // The resolved site config (file, defaults, --base and --site), beside the snapshot: src/node/site-config-file.ts.
  const configFile = join(dirname(snapshot), 'site-config.json');
  // Vite reads these as its own settings (a test runner sets BASE_URL=/), which would override `base`.
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    ASTRO_TELEMETRY_DISABLED: '1',
    VERBATIM_CONTENT: content,
    VERBATIM_EPISODES: episodes,
    VERBATIM_OUT: renderDir,
    VERBATIM_CORPUS: snapshot,
    // Astro starts now and waits for this file before it reads the corpus (src/site/knowledge.ts).
    VERBATIM_CORPUS_READY: ready,
    VERBATIM_BUILD_PID: String(process.pid),
    // The downloads are written beside the search index (src/search-index/index-shard.ts), not by astro.
    VERBATIM_EXPORTS: 'external',
    VERBATIM_CONFIG: configFile,
  };
  try {
    writeFileAtomic(configFile, JSON.stringify(config));
    // Episode pages unchanged since the last build are copied from the page cache instead of rendered (src/node/page-cache.ts).
    const pagesKey = options.pageCache === false ? null : siteKey(resolve(import.meta.dirname, '..', '..'), config);
    pagesDir = pagesKey ? preparePageCache(cacheDir, pagesKey) : null;
  } catch (error) {
    cleanUp();
    throw error;
  }
  if (pagesDir) {
    env.VERBATIM_PAGE_CACHE = pagesDir.dir;
    env.VERBATIM_PAGE_CLAIMS = pagesDir.claims;
  }

  // Astro's start-up (config, Vite, bundling the pages' code: about 2 s) needs no corpus: it runs on the
  // other core while the corpus phase reads, and waits for the corpus before its first page. Its output
  // is held until then, so the progress reads in order.
  const astro = startAstroBuild(env, options.log);
  // Interrupted (Ctrl-C, a stopped CI job): the child processes end, the temporary folders go, the previous
  // site stays, and the signal ends the process as it would have.
  const interrupted = onInterrupt((signal) => {
    endChildren();
    cleanUp();
    options.log(`Build interrupted (${signal}). ${existsSync(out) ? `The previous site in ${out} is untouched.` : 'Nothing was written.'}`);
  });
  try {
    return await buildAfterStart();
  } catch (error) {
    // Whatever failed, nothing of this build is left running or lying about.
    endChildren();
    cleanUp();
    throw error;
  } finally {
    interrupted.done();
  }

  /** Everything after astro has started: ingest and report, render, index, swap in. */
  async function buildAfterStart(): Promise<SiteBuildResult> {
    options.log(`Reading transcripts in ${episodes}`);
    let check: BuildCheck;
    try {
      const input: BuildCheckInput = {
        episodes,
        topics: topics === null ? null : resolve(topics),
        cacheDir,
        snapshot,
        base: config.base,
        dictionary: { maxWords: config.search.vocabulary, suggestions: config.search.suggestions },
        exports: config.exports,
        discovery: discoverySettings(config.topics),
      };
      check = await runBuildCheck(input, options.log);
    } catch (error) {
      await astro.stop();
      cleanUp();
      throw error;
    }
    const diagnostics = [...siteConfig.diagnostics, ...unknownShows(siteConfig, check.shows), ...check.diagnostics];
    options.report(diagnostics);
    result.episodes = check.episodes;
    result.errors = diagnostics.filter((d) => d.severity === 'error').length;
    result.warnings = diagnostics.length - result.errors;
    result.timings.ingest = performance.now() - t0;
    result.corpus = { files: check.files, parsed: check.parsed, reused: check.reused, read: check.timings.read, topics: check.timings.topics };
    options.log(
      `Read ${check.files} files into ${check.episodes} episodes (${check.parsed} parsed, ${check.reused} unchanged) in ${ms(check.timings.read)}, ` +
        `${check.topics} topics in ${ms(check.timings.topics)} (${result.errors} errors, ${result.warnings} warnings)`,
    );
    if (result.errors > 0) {
      await astro.stop();
      cleanUp();
      options.log(`Build stopped: fix the ${result.errors} error(s) above. ${existsSync(out) ? `The previous site in ${out} is untouched.` : ''}`.trim());
      result.timings.total = performance.now() - t0;
      return result;
    }

    // The pages (astro build) and, beside them, the search shards and downloads (child processes): two cores, two jobs.
    const plan = check.search;
    if (!plan) {
      await astro.stop();
      cleanUp();
      throw new Error('the corpus phase planned no search index although it found no error');
    }
    options.log(`Rendering pages (astro build), and making the search index and downloads beside it`);
    const t1 = performance.now();
    let searchError: unknown = null;
    // One shard at a time while astro renders (one core each), then as many as `searchConcurrency` (default 2).
    const run = runShards(plan, { concurrency: 1, log: options.log });
    const shards = run.done.then(
      () => (result.timings.search = performance.now() - t1),
      (error: unknown) => (searchError = error),
    );
    writeFileAtomic(ready, '');
    astro.release();
    const code = await astro.done;
    result.timings.render = performance.now() - t1;
    options.log(`Rendered pages in ${ms(result.timings.render)}`);
    run.widen(options.searchConcurrency ?? 2);
    await shards;
    rmSync(dirname(snapshot), { recursive: true, force: true });
    const failed = (why: string) => {
      cleanUp();
      options.log(`Build failed: ${why}. ${existsSync(out) ? `The previous site in ${out} is untouched.` : ''}`.trim());
      result.timings.total = performance.now() - t0;
      return result;
    };
    if (code !== 0 || !existsSync(join(renderDir, 'index.html'))) return failed(`astro exited with ${code}`);
    if (searchError) return failed(searchError instanceof Error ? searchError.message : String(searchError));
    // Episode pages whose search links were checked against them by an earlier build (by page key).
    let checked: CheckedLinks | undefined;
    if (pagesDir) {
      try {
        const { keys, ...pages } = settlePageCache(pagesDir, renderDir);
        result.pageCache = pages;
        const episodeKeys = keys.get('episodes');
        if (episodeKeys) checked = { file: join(pagesDir.dir, CHECKED_LINKS), keys: episodeKeys };
        if (pages.reused > 0) options.log(`Reused ${pages.reused} unchanged page(s) from the page cache; rendered and kept ${pages.stored}`);
      } catch (error) {
        return failed(`the page cache: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    try {
      const search = publishSearch(plan, renderDir, { cacheDir, publishedAs: out, ...(checked ? { checked } : {}) });
      result.search = { shards: search.shards, indexed: search.indexed, passages: search.passages, dataBytes: search.dataBytes, dictionaryBytes: search.dictionaryBytes };
      options.log(
        `Indexed ${search.passages} passages, ${search.episodes} episodes and ${search.topics} topics in ${search.shards} shard(s) ` +
          `(${search.indexed} made, ${search.shards - search.indexed} unchanged) in ${ms(result.timings.search)}, with ${search.downloads} downloads; ` +
          `index data ${mb(search.dataBytes)}, dictionary ${mb(search.dictionaryBytes)}`,
      );
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error));
    }
    if (renderDir !== temp) {
      try {
        renameSync(renderDir, temp);
      } catch {
        cpSync(renderDir, temp, { recursive: true }); // another file system: copy, then the swap below is still one rename
        rmSync(renderDir, { recursive: true, force: true });
      }
    }
    result.pages = countFiles(temp, (name) => name.endsWith('.html'));
    const pagefind = join(temp, 'pagefind');
    result.searchFiles = existsSync(pagefind) ? countFiles(pagefind, () => true) : 0;
    swapIn(temp, out);
    result.ok = true;
    result.timings.total = performance.now() - t0;
    return result;
  }
}

/**
 * The output folder is refused (`refused`: a folder the build must not
 * replace, a usage error) or cannot be written (a problem of the machine).
 */
export class OutputFolderError extends Error {
  readonly refused: boolean;
  constructor(message: string, refused: boolean) {
    super(message);
    this.refused = refused;
  }
}

/**
 * Run `handler` on SIGINT or SIGTERM, then end the process by that signal
 * (its default action, with this listener gone). After `done()`, a signal
 * only ends the process: one that came during the build's last synchronous
 * steps is delivered after them and must not be lost, nor report the build
 * as interrupted. Signals reach only the main thread: elsewhere (a test
 * runner's worker) nothing is registered.
 */
function onInterrupt(handler: (signal: NodeJS.Signals) => void): { done(): void } {
  if (!isMainThread) return { done() {} };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  let finished = false;
  const listener = (signal: NodeJS.Signals) => {
    remove();
    try {
      if (!finished) handler(signal);
    } finally {
      process.kill(process.pid, signal);
    }
  };
  const remove = () => {
    for (const signal of signals) process.off(signal, listener);
  };
  for (const signal of signals) process.on(signal, listener);
  return {
    done() {
      finished = true;
      // Signals that came meanwhile are delivered before this runs.
      setImmediate(remove);
    },
  };
}

/** The folders a build of these must never replace (src/node/output-folder.ts): these, the working directory and Verbatim's own. */
function keptFolders(folders: { content: string; episodes: string; topics: string | null; cacheDir: string }): KeptFolders {
  return {
    content: folders.content,
    episodes: folders.episodes,
    topics: folders.topics,
    cache: folders.cacheDir,
    project: process.cwd(),
    install: resolve(import.meta.dirname, '..', '..'),
  };
}

/** Replace `out` with `temp`: two renames, the old site deleted only after the new one is in place. */
function swapIn(temp: string, out: string): void {
  const old = `${temp}-previous`;
  const hadOld = existsSync(out);
  if (hadOld) renameSync(out, old);
  try {
    renameSync(temp, out);
  } catch (error) {
    if (hadOld) renameSync(old, out); // put the previous site back
    throw error;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

/**
 * Ingest and index in a child process (build-check-process.ts), so that the
 * memory they take is returned the moment they end, before astro build and
 * the search shards get going, rather than held, idle, for the rest of the build.
 */
function runBuildCheck(input: BuildCheckInput, log: (line: string) => void): Promise<BuildCheck> {
  return new Promise((done, fail) => {
    const script = fileURLToPath(new URL('./build-check-process.ts', import.meta.url));
    const child = tracked(fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }));
    const tail = outputTail(child);
    let check: BuildCheck | undefined;
    let error: string | undefined;
    child.on('message', (message: { log: string } | { result: BuildCheck } | { error: string }) => {
      if ('log' in message) log(message.log);
      else if ('result' in message) {
        // On, without waiting for the process to end: its memory goes back as it exits, a moment later.
        check = message.result;
        done(check);
      } else error = message.error;
    });
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (check) return; // resolved when the result came
      for (const line of tail) log(`    ${line}`);
      fail(new Error(error ?? `reading the transcripts stopped (${signal ?? `exit code ${code}`})`));
    });
    child.send(input);
  });
}

/** An `astro build` under way in a child process. */
interface AstroRun {
  /** Its exit code (1 when it could not start or was stopped). */
  done: Promise<number>;
  /** Pass on its output as progress from now on (held until then). */
  release(): void;
  /** End it (the build stops before rendering) and wait until it has. */
  stop(): Promise<void>;
  /** Ask it to end, without waiting. */
  kill(): void;
}

/**
 * Warnings astro build prints on every build that describe what the site
 * means to do, left out of the progress so that a warning there is news:
 * `style-src-attr 'unsafe-inline'` (computed widths in style attributes)
 * is meant not to inherit `style-src 'self'` (astro.config.mjs).
 */
const EXPECTED_ASTRO_WARNINGS = [/\[WARN\] \[csp\] `security\.csp\.styleDirective` defines `style-src` resources \('self'\) as well as `style-src-attr`/];

/** Start `astro build` in a child process on this same Node; its output becomes progress lines once released. */
function startAstroBuild(env: NodeJS.ProcessEnv, log: (line: string) => void): AstroRun {
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const child = tracked(spawn(process.execPath, [astro, 'build'], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  let held: string[] | null = [];
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim() || EXPECTED_ASTRO_WARNINGS.some((warning) => warning.test(line))) continue;
      if (held) held.push(line);
      else log(`  ${line}`);
    }
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  const done = new Promise<number>((resolve) => {
    child.on('error', (error) => {
      log(`cannot start astro: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  return {
    done,
    release() {
      const lines = held ?? [];
      held = null;
      for (const line of lines) log(`  ${line}`);
    },
    async stop() {
      this.kill();
      await done;
    },
    kill() {
      held = null;
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

/**
 * Temporary folders left by builds that were killed midway (their process
 * is gone). Best effort: a folder that cannot be read or removed (another
 * user's, in a shared /tmp) is left, and never stops this build.
 */
function removeAbandonedBuilds(out: string): void {
  for (const [folder, prefix] of [
    [dirname(out), `${TEMP_PREFIX}${basename(out)}-`],
    [process.cwd(), TEMP_PREFIX],
    [tmpdir(), CORPUS_PREFIX],
  ] as const) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const pid = Number(name.slice(prefix.length).split('-')[0]);
      if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
      try {
        rmSync(join(folder, name), { recursive: true, force: true });
      } catch {
        // not ours to remove
      }
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function countFiles(dir: string, keep: (name: string) => boolean): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) n += countFiles(path, keep);
    else if (keep(entry.name) && statSync(path).isFile()) n++;
  }
  return n;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ms = (t: number) => (t < 1000 ? `${Math.round(t)} ms` : `${(t / 1000).toFixed(1)} s`);
export { ms as formatDuration };
