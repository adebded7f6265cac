/**
 * The ingest pipeline for one transcript: bytes → decoded text → detected
 * format → raw segments → speakers → turns and paragraphs → validated
 * episode. Pure (no file system): the CLI, the tests and the Astro loader
 * all call this with bytes they read themselves.
 */
import { createHash } from 'node:crypto';
import { Diagnostics, diagnostic, excerpt } from './diagnostics.ts';
import type { Diagnostic } from './diagnostics.ts';
import { detectFormat } from './detect-format.ts';
import { formatById } from './formats/index.ts';
import type { RawLabel, RawSegment, RawTranscript, TranscriptFormat } from './formats/types.ts';
import { resolveMetadata } from './normalize/metadata.ts';
import { buildReadingViews } from './normalize/paragraphs.ts';
import { shareSegmentText } from './normalize/shared-text.ts';
import { resolveSpeakers } from './normalize/speakers.ts';
import type { FormatId } from './schema.ts';
import { readSidecar } from './sidecar.ts';
import { dataKind } from './formats/markdown.ts';
import type { SidecarResult } from './sidecar.ts';
import type { Episode, Sidecar } from './schema.ts';
import { slugify } from './slug.ts';
import { decodeSource } from './source-text.ts';
import { validateEpisode } from './validate-episode.ts';

export interface TranscriptInput {
  /** Path shown in diagnostics and kept in `source.file`. */
  file: string;
  /** Path relative to the episodes folder (its stem is the episode id); defaults to the file name. */
  relativePath?: string;
  bytes: Uint8Array;
  sidecar?: { file: string; bytes: Uint8Array };
  /** Skip detection and use this format. */
  format?: FormatId;
}

export interface IngestResult {
  /** The episode, or null when the file cannot be used (binary, empty, unknown format, no text). */
  episode: Episode | null;
  /** Every problem found, in file order (sidecar problems after transcript problems). */
  diagnostics: Diagnostic[];
}

/** Ingest one transcript (with its optional sidecar). Never throws on any input. */
export function parseTranscript(input: TranscriptInput): IngestResult {
  const diagnostics = new Diagnostics(input.file);
  const sidecarDiagnostics = new Diagnostics(input.sidecar?.file ?? input.file);
  try {
    const episode = ingest(input, diagnostics, sidecarDiagnostics);
    return { episode, diagnostics: [...diagnostics.list, ...sidecarDiagnostics.list] };
  } catch (error) {
    // Totality backstop: a bug must surface as a diagnostic, never as a crash of the whole build.
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.list.push(diagnostic('internal-error', input.file, 1, 1, { detail: message }));
    return { episode: null, diagnostics: [...diagnostics.list, ...sidecarDiagnostics.list] };
  }
}

/**
 * Longest segment text kept, in characters (documented in docs/robustness.md).
 * No speech runs a megabyte without a cue or paragraph break; such a segment is
 * embedded data (a base64 image in Markdown, a dump), which would otherwise be
 * published as one unreadable paragraph and indexed for search.
 */
export const MAX_SEGMENT_CHARS = 1024 * 1024;

/** Drop segments over MAX_SEGMENT_CHARS, reporting each; chapters keep pointing at the same following segment. */
function dropOversized(raw: RawTranscript, diagnostics: Diagnostics): RawTranscript {
  if (!raw.segments.some((s) => s.text.length > MAX_SEGMENT_CHARS)) return raw;
  const segments: RawSegment[] = [];
  const labels: (RawLabel | null)[] = [];
  const newIndex: number[] = [];
  raw.segments.forEach((s, i) => {
    newIndex.push(segments.length);
    if (s.text.length <= MAX_SEGMENT_CHARS) {
      segments.push(s);
      labels.push(raw.labels[i] ?? null);
    } else diagnostics.report('segment-too-long', s.line, s.column, { size: s.text.length, limit: MAX_SEGMENT_CHARS });
  });
  newIndex.push(segments.length);
  const chapters = raw.chapters.map((c) => ({ title: c.title, segment: newIndex[c.segment] ?? segments.length }));
  return { ...raw, segments, labels, chapters };
}

/**
 * The episode with its metadata copied out of the decoded text. In V8 a
 * string sliced from a larger one keeps all of it alive: a title sliced from
 * a WebVTT header would keep a whole 10 MB file in memory for as long as the
 * episode lives. The envelope (metadata, speakers, chapters) is small, so it
 * is cloned, keys in the same order; the bulk arrays are not, as their texts
 * already slice the episode's own shared text (normalize/shared-text.ts) and
 * speaker ids are fresh strings (normalize/speakers.ts).
 */
function detachFromSource(episode: Episode): Episode {
  const { segments, turns, paragraphs } = episode;
  const envelope: Episode = structuredClone({ ...episode, segments: [], turns: [], paragraphs: [] });
  envelope.segments = segments;
  envelope.turns = turns;
  envelope.paragraphs = paragraphs;
  return envelope;
}

function ingest(input: TranscriptInput, diagnostics: Diagnostics, sidecarDiagnostics: Diagnostics): Episode | null {
  let sidecar: Sidecar = {};
  let sidecarLines: Record<string, number> = {};
  let labelLines: SidecarResult['labelLines'] = {};
  if (input.sidecar) {
    const source = decodeSource(input.sidecar.bytes, sidecarDiagnostics);
    if (source.usable) ({ sidecar, lines: sidecarLines, labelLines } = readSidecar(source.text, sidecarDiagnostics));
  }

  const source = decodeSource(input.bytes, diagnostics);
  if (!source.usable) return null;

  let format: TranscriptFormat | null;
  if (input.format) format = formatById(input.format);
  else format = detectFormat(source.text).format;
  if (!format) {
    const kind = dataKind(source.text.slice(0, 1024));
    if (kind) diagnostics.report('not-a-transcript', 1, 1, { kind });
    else diagnostics.report('unknown-format', 1, 1);
    return null;
  }
  const raw: RawTranscript = dropOversized(format.parse(source.text, diagnostics), diagnostics);
  if (raw.segments.length === 0) {
    if (!diagnostics.list.some((d) => d.severity === 'error')) diagnostics.report('no-segments', 1, 1, { format: format.name });
    return null;
  }

  const relativePath = input.relativePath ?? input.file.split(/[\\/]/).pop() ?? input.file;
  const metadata = resolveMetadata(
    {
      sidecar,
      frontMatter: raw.frontMatter,
      frontMatterLines: raw.frontMatterLines,
      frontMatterItemLines: raw.frontMatterItemLines,
      headerTitle: raw.title,
      relativePath,
    },
    diagnostics,
  );
  const { speakers, segments, unusedLabels } = resolveSpeakers(
    raw.segments,
    raw.labels,
    { mapping: sidecar.speakers ?? {}, hosts: metadata.hosts, guests: metadata.guests },
    diagnostics,
  );
  for (const label of unusedLabels) {
    const at = labelLines[label] ?? { line: sidecarLines.speakers ?? 1, column: 1 };
    sidecarDiagnostics.report('sidecar-label-unused', at.line, at.column, { label: excerpt(label) });
  }
  // From here on the episode holds its words once, in one string, and nothing of the source text.
  const { turns, paragraphs } = buildReadingViews(segments, shareSegmentText(segments));

  let duration: number | null = null;
  for (const s of segments) {
    const t = s.end ?? s.start;
    if (t !== null && (duration === null || t > duration)) duration = t;
  }
  const chapters = raw.chapters
    .filter((c) => c.segment < segments.length)
    .map((c) => ({ title: c.title, segment: c.segment, start: segments[c.segment]?.start ?? null }));

  const digest = createHash('sha256').update(input.bytes);
  if (input.sidecar) digest.update(input.sidecar.bytes);
  // The extension goes, unless it is the whole name (`.srt` keeps its id non-empty).
  const id = relativePath.replace(/\\/g, '/').replace(/(?<=[^/])\.[^./]+$/, '');

  const built: Episode = {
    id,
    slug: slugify(metadata.slug ?? '') || slugify(metadata.title) || slugify(id) || `episode-${digest.copy().digest('hex').slice(0, 8)}`,
    title: metadata.title,
    show: metadata.show,
    hosts: metadata.hosts,
    guests: metadata.guests,
    tags: metadata.tags,
    topics: metadata.topics,
    source: { file: input.file, format: format.id, encoding: source.encoding, digest: digest.digest('hex') },
    duration,
    speakers,
    segments,
    chapters,
    turns,
    paragraphs,
  };
  if (metadata.date !== undefined) built.date = metadata.date;
  if (metadata.summary !== undefined) built.summary = metadata.summary;
  if (metadata.media !== undefined) built.media = metadata.media;
  const episode = detachFromSource(built);

  const checked = validateEpisode(episode);
  if (!checked.success) {
    const issue = checked.issues[0];
    diagnostics.report('internal-error', 1, 1, { detail: `episode failed validation at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}` });
    return null;
  }
  // The schema has no transforms or defaults, so a valid `episode` is its own parsed value.
  return episode;
}
