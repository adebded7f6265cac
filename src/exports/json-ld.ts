/**
 * schema.org structured data for the head of episode and speaker pages
 * (https://schema.org/PodcastEpisode, https://schema.org/Person), as plain
 * objects: BaseLayout serializes them with json-script.ts, the one place
 * they meet HTML. Only http(s) URLs are ever written.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { EpisodeMeta as Episode } from '../corpus/summary.ts';
import { episodeCredits } from './credits.ts';
import type { Credit } from './credits.ts';
import { absolute } from './site-links.ts';
import type { SiteLinks } from './site-links.ts';

/** A JSON-LD node: string keys, JSON values. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Seconds as an ISO 8601 duration: `PT1H2M3S`, `PT45S`, `PT0S`. */
export function isoDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || total === 0 ? `${s}S` : ''}`;
  return `PT${parts}`;
}

/** `url` when it is an absolute http(s) URL, else undefined: `javascript:` and friends never reach a link. */
export function httpUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function person(credit: Credit): JsonLd {
  const node: JsonLd = { '@type': 'Person', name: credit.name };
  const url = httpUrl(credit.url);
  if (url) node.url = url;
  return node;
}

/** Where the recording is: the audio file and the video or episode page. */
function associatedMedia(episode: Episode): JsonLd[] {
  const media: JsonLd[] = [];
  const audio = httpUrl(episode.media?.audioUrl);
  if (audio) media.push({ '@type': 'AudioObject', contentUrl: audio });
  const page = httpUrl(episode.media?.url);
  if (page) {
    const youtubeId = episode.media?.youtubeId;
    media.push(
      youtubeId
        ? { '@type': 'VideoObject', url: page, embedUrl: `https://www.youtube.com/embed/${encodeURIComponent(youtubeId)}` }
        : { '@type': 'MediaObject', url: page },
    );
  }
  return media;
}

/**
 * A `PodcastEpisode`: name, url, date, length, its series (the show), the
 * recording, hosts as `actor` and guests and other named voices as `contributor`.
 */
export function episodeJsonLd(episode: Episode, kb: KnowledgeBase, links: SiteLinks): JsonLd {
  const node: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'PodcastEpisode',
    name: episode.title,
    url: absolute(links, links.routes.episode(episode.slug)),
  };
  if (episode.summary) node.description = episode.summary;
  if (episode.date) node.datePublished = episode.date;
  if (episode.duration !== null) {
    node.duration = isoDuration(episode.duration);
    node.timeRequired = node.duration;
  }
  const series: JsonLd = { '@type': 'PodcastSeries', name: episode.show };
  const show = kb.showOf.get(episode.id);
  if (show) series.url = absolute(links, links.routes.show(show.slug));
  node.partOfSeries = series;
  const media = associatedMedia(episode);
  if (media.length > 0) node.associatedMedia = media;
  const credits = episodeCredits(episode, kb, links);
  const hosts = credits.filter((c) => c.role === 'host').map(person);
  const others = credits.filter((c) => c.role !== 'host').map(person);
  if (hosts.length > 0) node.actor = hosts;
  if (others.length > 0) node.contributor = others;
  return node;
}

/** A `Person` for a speaker page. */
export function personJsonLd(input: { name: string; url: string; description?: string }): JsonLd {
  const node: JsonLd = { '@context': 'https://schema.org', '@type': 'Person', name: input.name };
  const url = httpUrl(input.url);
  if (url) node.url = url;
  if (input.description) node.description = input.description;
  return node;
}
