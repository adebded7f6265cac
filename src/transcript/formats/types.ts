/**
 * The contract every format parser fulfils: detect by content, then parse
 * decoded text (LF line ends, no BOM) into raw segments, reporting problems
 * into a Diagnostics collector. Parsers are total: they never throw.
 */
import type { Diagnostics } from '../diagnostics.ts';
import type { FormatId, Segment } from '../schema.ts';

/** A speaker label found at the start of a segment's text (`Speaker 2:`, `<v Ann>`, `**Ann:**`). */
export interface RawLabel {
  /** The label as the source spells it, trimmed (`Speaker 2`). */
  name: string;
  /**
   * Strong labels are certain (voice spans, `Speaker N`, bold Markdown names).
   * Weak ones (`Ann:` at the start of a cue) are kept only if the label recurs
   * in the file or the sidecar maps it; otherwise `raw` is put back in the text.
   */
  strong: boolean;
  /** The exact prefix removed from the text (`Ann:`), to restore a weak label. */
  raw: string;
}

/**
 * One unit of the source as a parser leaves it: already a schema segment,
 * whose `speaker` stays null until the normalizer resolves the labels (the
 * label found at its start sits beside it, in `RawTranscript.labels`).
 * Parsers build the final objects once; nothing copies them afterwards.
 */
export type RawSegment = Segment;

/** A heading kept as a chapter mark. */
export interface RawChapter {
  title: string;
  /** Index into segments of the first segment after the heading. */
  segment: number;
}

/** What a parser returns. */
export interface RawTranscript {
  segments: RawSegment[];
  /** The label at the start of each segment (same index), or null: the speaker carries forward. */
  labels: (RawLabel | null)[];
  /** A title the file itself carries (WebVTT header text, front matter title). */
  title?: string;
  /** Front matter, already parsed (Markdown formats only). */
  frontMatter?: Record<string, unknown>;
  /** 1-based line of each top-level front matter key, for diagnostics. */
  frontMatterLines?: Record<string, number>;
  /** 1-based line of each item of a top-level front matter list, for diagnostics. */
  frontMatterItemLines?: Record<string, number[]>;
  chapters: RawChapter[];
}

/** A transcript format: a registry entry. */
export interface TranscriptFormat {
  id: FormatId;
  /** Human name (`SubRip (SRT)`). */
  name: string;
  /** One sentence on what files look like. */
  description: string;
  /** A short example file. */
  example: string;
  /**
   * How sure we are the text is in this format, from 0 (no) to 1 (certain),
   * looking at the start of the text only (`head` is at most 64 KiB).
   */
  detect(head: string): number;
  /** Parse the whole text. Never throws. */
  parse(text: string, diagnostics: Diagnostics): RawTranscript;
}
