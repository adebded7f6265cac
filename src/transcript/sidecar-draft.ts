/**
 * The sidecar `verbatim add` writes beside a new transcript: the metadata
 * found in it (title, show, date, media links, speaker labels) as sidecar
 * keys, with YAML comments saying where each value came from and what to
 * fill in, and the keys not found listed as comments. Pure: episode in, text
 * out. The text is written by the `yaml` package, so it always parses, and
 * it validates against the Sidecar schema (a test reads it back).
 */
import { Document, isMap, isScalar } from 'yaml';
import type { Episode, Sidecar } from './schema.ts';

export interface SidecarDraftInput {
  /** The transcript as ingested without a sidecar, at the place it is added to. */
  episode: Episode;
  /** The transcript's file name, for the header. */
  fileName: string;
  /** Whether the title was made from the file name rather than found in the file. */
  titleFromFileName: boolean;
  /** The show given on the command line, which wins over one found in the file. */
  show?: string;
  /** A date found in the file name (`2024-03-05-beans.txt`), used when the file has none. */
  dateFromFileName?: string;
  /** Path of schemas/sidecar.schema.json relative to the sidecar, for editors' YAML language servers. */
  schemaPath?: string;
}

/** The show `normalize/metadata.ts` gives a flat file with no show of its own: not a found value. */
const NO_SHOW = 'Unsorted';

/** The draft sidecar text for `input.episode`. */
export function sidecarDraft(input: SidecarDraftInput): string {
  const { episode } = input;
  const data: Sidecar = {};
  const notes: Partial<Record<keyof Sidecar, string>> = {};

  data.title = episode.title;
  notes.title = input.titleFromFileName ? 'Episode title, made from the file name: change it.' : 'Episode title, as found in the file.';

  const show = input.show ?? (episode.show !== NO_SHOW ? episode.show : undefined);
  if (show !== undefined) {
    data.show = show;
    notes.show = input.show !== undefined ? 'Show, as given to verbatim add.' : 'Show, as found in the file.';
  }

  const date = episode.date ?? input.dateFromFileName;
  if (date !== undefined) {
    data.date = date;
    notes.date = episode.date !== undefined ? 'Publication date (YYYY-MM-DD), as found in the file.' : 'Publication date (YYYY-MM-DD), from the file name.';
  }

  if (episode.media?.url !== undefined) {
    data.url = episode.media.url;
    notes.url = 'Page of the episode or video, as found in the file.';
  }
  if (episode.media?.audioUrl !== undefined) {
    data.audio = episode.media.audioUrl;
    notes.audio = 'Audio file for the player, as found in the file.';
  }

  const labels = episode.speakers.flatMap((s) => s.labels);
  if (labels.length > 0) {
    // Each label names itself until someone writes the person's name: valid, and what the site shows today.
    data.speakers = Object.fromEntries(labels.map((label) => [label, label]));
    notes.speakers =
      'Speaker labels found in the transcript, each with the name the site shows.\n' +
      ' Replace each value with the person\'s name (several labels may name one person).';
  }

  const doc = new Document(data);
  const header = [
    ...(input.schemaPath ? [`yaml-language-server: $schema=${input.schemaPath}`] : []),
    `Metadata for ${input.fileName}, written by \`verbatim add\` from what the transcript holds.`,
    'Check each value. This file wins over the transcript\'s own front matter and header;',
    'the keys are explained in content/README.md.',
  ];
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const key = isScalar(pair.key) ? (String(pair.key.value) as keyof Sidecar) : undefined;
      const note = key !== undefined ? notes[key] : undefined;
      if (note !== undefined && isScalar(pair.key)) pair.key.commentBefore = ` ${note}`;
    }
  }
  const more = optionalKeys.filter(([key]) => !(key in data));
  if (more.length > 0) doc.comment = [' Also possible (remove the # to use):', ...more.map(([, example]) => ` ${example}`)].join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** Keys the draft lists as comments when it has no value for them, with an example each. */
const optionalKeys: readonly (readonly [keyof Sidecar, string])[] = [
  ['show', 'show: Show name'],
  ['date', 'date: YYYY-MM-DD'],
  ['hosts', 'hosts: [Name]'],
  ['guests', 'guests: [Name]'],
  ['url', 'url: https://example.org/episode'],
  ['audio', 'audio: https://example.org/episode.mp3'],
  ['summary', 'summary: One or two sentences.'],
  ['tags', 'tags: [tag]'],
  ['topics', 'topics: [Topic name]'],
];
