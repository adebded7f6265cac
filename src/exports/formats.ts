/**
 * The transcript downloads every episode offers, in the order the episode
 * page lists them. Adding a format is one writer module and one entry here
 * (plus its endpoint file under src/pages/episodes/[slug]/).
 */
import type { EpisodeSummary } from '../corpus/summary.ts';
import type { Episode } from '../transcript/schema.ts';
import { episodeToJson } from './episode-json.ts';
import { episodeToText } from './plain-text.ts';
import { episodeToPodcastJson } from './podcast-json.ts';
import { episodeToSrt } from './srt.ts';
import { episodeToWebvtt } from './webvtt.ts';

export type ExportId = 'vtt' | 'srt' | 'txt' | 'json' | 'podcast';

export interface TranscriptExport {
  id: ExportId;
  /** Link text on the episode page. */
  label: string;
  /** What the file is, for the link's title and the docs. */
  description: string;
  /** File name in the episode's folder: `/episodes/<slug>/<file>`. */
  file: string;
  /** Extension for the suggested download name (`<slug><extension>`). */
  extension: string;
  /** Content-Type of the endpoint's response. */
  mediaType: string;
  /** MIME type for `<podcast:transcript type>` in the feed; absent when the feed does not list it. */
  feedType?: string;
  /** True when the file holds times, so a feed may mark it `rel="captions"`. */
  captions: boolean;
  /** True when the format needs times: untimed episodes do not offer it. */
  timedOnly: boolean;
  write: (episode: Episode) => string;
}

export const transcriptExports: readonly TranscriptExport[] = [
  {
    id: 'vtt',
    label: 'VTT',
    description: 'WebVTT captions with speaker voice tags',
    file: 'transcript.vtt',
    extension: '.vtt',
    mediaType: 'text/vtt; charset=utf-8',
    feedType: 'text/vtt',
    captions: true,
    timedOnly: true,
    write: episodeToWebvtt,
  },
  {
    id: 'srt',
    label: 'SRT',
    description: 'SubRip captions, speaker names at each change of speaker',
    file: 'transcript.srt',
    extension: '.srt',
    mediaType: 'application/x-subrip; charset=utf-8',
    feedType: 'application/x-subrip',
    captions: true,
    timedOnly: true,
    write: episodeToSrt,
  },
  {
    id: 'txt',
    label: 'Text',
    description: 'Plain text, one paragraph per block',
    file: 'transcript.txt',
    extension: '.txt',
    mediaType: 'text/plain; charset=utf-8',
    feedType: 'text/plain',
    captions: false,
    timedOnly: false,
    write: episodeToText,
  },
  {
    id: 'json',
    label: 'JSON',
    description: 'The full episode in Verbatim’s episode schema',
    file: 'transcript.json',
    extension: '.json',
    mediaType: 'application/json; charset=utf-8',
    captions: false,
    timedOnly: false,
    write: episodeToJson,
  },
  {
    id: 'podcast',
    label: 'Podcasting 2.0',
    description: 'Podcasting 2.0 JSON transcript',
    file: 'transcript.podcast.json',
    extension: '.podcast.json',
    mediaType: 'application/json; charset=utf-8',
    feedType: 'application/json',
    captions: false,
    timedOnly: true,
    write: episodeToPodcastJson,
  },
];

/** The export with this id. */
export function exportById(id: ExportId): TranscriptExport {
  const format = transcriptExports.find((f) => f.id === id);
  if (!format) throw new Error(`unknown transcript export '${id}'`);
  return format;
}

/** What decides an episode's downloads: its slug, and whether it has times. */
export type Exportable = Pick<EpisodeSummary, 'slug' | 'timed'>;

/** Every export's id, in listing order: what a site publishes unless its config says otherwise. */
export const allExportIds: readonly ExportId[] = transcriptExports.map((f) => f.id);

/**
 * True when `episode` offers `format`: the site publishes it (`published`,
 * the site config's `exports`) and, for caption formats, the transcript is timed.
 */
export function offers(episode: Exportable, format: TranscriptExport, published: readonly ExportId[] = allExportIds): boolean {
  return published.includes(format.id) && (!format.timedOnly || episode.timed);
}

/** The exports this episode offers, in listing order. */
export function exportsOf(episode: Exportable, published: readonly ExportId[] = allExportIds): TranscriptExport[] {
  return transcriptExports.filter((format) => offers(episode, format, published));
}
