/**
 * Invariants every ingest result must satisfy, whatever the input: shared by
 * the hostile fixture test and the fuzz tests. Each check returns a list of
 * problems (empty when the result is sound) so a failing case says what broke.
 */
import { catalogue } from '../../src/transcript/diagnostics.ts';
import type { Diagnostic } from '../../src/transcript/diagnostics.ts';
import type { RawTranscript } from '../../src/transcript/formats/types.ts';
import type { IngestResult } from '../../src/transcript/parse-transcript.ts';
import { Episode } from '../../src/transcript/schema.ts';

/**
 * C0 controls (tab and line feed included) and DEL: none may reach an output
 * string. C1 controls (U+0080–U+009F) are kept as text, as the exporters expect.
 */
const controls = /[\u0000-\u001f\u007f]/;
/** Bidi overrides and isolates: kept as text by the ingest (the site must isolate them), listed here for tests. */
export const bidiControls = /[\u202a-\u202e\u2066-\u2069]/;
/** URL-safe ids: the episode slug and speaker ids. */
const urlSafe = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}-]*$/u;
/** Longest diagnostic message: messages quote excerpts, never whole lines of a hostile file. */
export const MAX_MESSAGE_CHARS = 600;

const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** Every string in `value`, with its path, except the file path and the id derived from it (kept byte-exact). */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') {
    if (path !== 'id' && path !== 'source.file') yield [path, value];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
  }
}

const timeOk = (t: number | null) => t === null || (Number.isFinite(t) && t >= 0);

/** Problems with one episode; `sourceChars` (decoded text length) bounds the text it may hold. */
export function episodeProblems(episode: Episode, sourceChars?: number): string[] {
  const problems: string[] = [];
  const checked = Episode.safeParse(episode);
  if (!checked.success) problems.push(`schema: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
  if (!urlSafe.test(episode.slug)) problems.push(`slug not URL-safe: ${JSON.stringify(episode.slug)}`);

  const ids = new Set<string>();
  for (const s of episode.speakers) {
    if (ids.has(s.id)) problems.push(`speaker id ${s.id} is not unique`);
    ids.add(s.id);
    if (!urlSafe.test(s.id)) problems.push(`speaker id not URL-safe: ${JSON.stringify(s.id)}`);
  }
  const timed = (what: string, x: { start: number | null; end: number | null }) => {
    if (!timeOk(x.start) || !timeOk(x.end)) problems.push(`${what}: time not a non-negative number or null (${x.start}, ${x.end})`);
    if (x.start !== null && x.end !== null && x.start > x.end) problems.push(`${what}: start ${x.start} after end ${x.end}`);
    if (episode.duration !== null && Math.max(x.start ?? 0, x.end ?? 0) > episode.duration) problems.push(`${what}: past the duration`);
  };
  const speakerOk = (what: string, speaker: string | null) => {
    if (speaker !== null && !ids.has(speaker)) problems.push(`${what}: speaker ${speaker} is not in speakers`);
  };
  const textOk = (what: string, text: string) => {
    if (text.trim().length === 0 || text.replace(/[\s\u200b\ufeff]+/g, '').length === 0) problems.push(`${what}: empty text`);
    if (text !== text.trim()) problems.push(`${what}: untrimmed text`);
  };
  let segmentChars = 0;
  episode.segments.forEach((s, i) => {
    timed(`segment ${i}`, s);
    speakerOk(`segment ${i}`, s.speaker);
    textOk(`segment ${i}`, s.text);
    if (s.kind === 'sound' && s.speaker !== null && !ids.has(s.speaker)) problems.push(`segment ${i}: sound with unknown speaker`);
    segmentChars += s.text.length;
  });
  if (sourceChars !== undefined && segmentChars > sourceChars) problems.push(`segments hold ${segmentChars} characters, more than the ${sourceChars} decoded`);
  let expectedFirst = 0;
  episode.turns.forEach((t, i) => {
    timed(`turn ${i}`, t);
    speakerOk(`turn ${i}`, t.speaker);
    if (t.firstSegment !== expectedFirst || t.lastSegment < t.firstSegment) problems.push(`turn ${i}: segments ${t.firstSegment}–${t.lastSegment} do not follow on`);
    expectedFirst = t.lastSegment + 1;
  });
  if (expectedFirst !== episode.segments.length) problems.push(`turns cover ${expectedFirst} of ${episode.segments.length} segments`);
  episode.paragraphs.forEach((p, i) => {
    timed(`paragraph ${i}`, p);
    speakerOk(`paragraph ${i}`, p.speaker);
    textOk(`paragraph ${i}`, p.text);
    if (p.id !== `p${i + 1}`) problems.push(`paragraph ${i}: id ${p.id}`);
    if (p.firstSegment > p.lastSegment || p.lastSegment >= episode.segments.length) problems.push(`paragraph ${i}: bad segment range`);
  });
  episode.chapters.forEach((c, i) => {
    textOk(`chapter ${i}`, c.title);
    if (c.segment >= episode.segments.length) problems.push(`chapter ${i}: points past the segments`);
  });
  for (const [path, value] of strings(episode, '')) {
    const m = controls.exec(value);
    if (m) problems.push(`${path}: control character U+${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
    if (!isWellFormed(value)) problems.push(`${path}: lone surrogate`);
  }
  return problems;
}

/** Problems with a diagnostics list: catalogue codes, severities, positions, bounded messages. */
export function diagnosticProblems(diagnostics: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const entry = (catalogue as Record<string, { severity: string } | undefined>)[d.code];
    if (!entry) problems.push(`unknown code ${d.code}`);
    else if (entry.severity !== d.severity) problems.push(`${d.code}: severity ${d.severity}`);
    if (!Number.isInteger(d.line) || d.line < 1 || !Number.isInteger(d.column) || d.column < 1) problems.push(`${d.code}: position ${d.line}:${d.column}`);
    if (d.message.length === 0 || d.message.length > MAX_MESSAGE_CHARS) problems.push(`${d.code}: message of ${d.message.length} characters`);
    if (controls.test(d.message)) problems.push(`${d.code}: control character in message`);
  }
  return problems;
}

/** Everything about one ingest result: totality (no internal error), then episode and diagnostics invariants. */
export function resultProblems(result: IngestResult, sourceChars?: number): string[] {
  const problems = diagnosticProblems(result.diagnostics);
  for (const d of result.diagnostics) if (d.code === 'internal-error') problems.push(`internal-error: ${d.message}`);
  if (result.episode) problems.push(...episodeProblems(result.episode, sourceChars));
  else if (!result.diagnostics.some((d) => d.severity === 'error')) problems.push('no episode and no error to say why');
  return problems;
}

/** Problems with a parser's raw output for `text` (before speakers and reading views). */
export function rawProblems(raw: RawTranscript, text: string): string[] {
  const problems: string[] = [];
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  raw.segments.forEach((s, i) => {
    if (!timeOk(s.start) || !timeOk(s.end)) problems.push(`segment ${i}: bad time (${s.start}, ${s.end})`);
    if (s.start !== null && s.end !== null && s.start > s.end) problems.push(`segment ${i}: start after end`);
    if (s.text.replace(/[\s\u200b\ufeff]+/g, '').length === 0) problems.push(`segment ${i}: empty text`);
    if (!Number.isInteger(s.line) || s.line < 1 || s.line > lines) problems.push(`segment ${i}: line ${s.line} outside 1–${lines}`);
    if (!Number.isInteger(s.column) || s.column < 1) problems.push(`segment ${i}: column ${s.column}`);
    const label = raw.labels[i];
    if (label && label.name.trim().length === 0) problems.push(`segment ${i}: empty label`);
    if (s.speaker !== null) problems.push(`segment ${i}: speaker set before resolution`);
  });
  if (raw.labels.length !== raw.segments.length) problems.push(`${raw.labels.length} labels for ${raw.segments.length} segments`);
  raw.chapters.forEach((c, i) => {
    if (c.segment < 0 || c.segment > raw.segments.length) problems.push(`chapter ${i}: segment ${c.segment}`);
    if (c.title.trim().length === 0) problems.push(`chapter ${i}: empty title`);
  });
  return problems;
}
