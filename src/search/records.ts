/**
 * Search records in the shapes Pagefind's Node API takes. Passages are
 * custom records (plain text content, metadata and filters as data: nothing
 * to escape). Episodes are small generated HTML documents, because only HTML
 * can weight words: the title is the `<h1>` (Pagefind's heaviest default
 * weight) and the people are `data-pagefind-weight="5"`, so `lindqvist` or
 * `heat pumps grid` puts the episode itself near the top. Topic pages are
 * documents too, their aliases weighted so a misspelling finds the topic. Every value in the
 * HTML goes through `escapeHtml`; transcript text and metadata are never trusted.
 */
import { escapeUTF8 } from 'entities';
import type { CustomRecord } from 'pagefind';
import type { SearchEpisode, SearchPassage, SearchTopic } from './passages.ts';
import { FILTER, KIND, META, SPEAKER_SEPARATOR, encodeHidden } from './record-fields.ts';

/** Language of every record: the site's own `<html lang>`, one index for the whole site. */
export const INDEX_LANGUAGE = 'en';

/** Weight of people's names on an episode record (body text is 1, `<h1>` is 7). */
const PEOPLE_WEIGHT = 5;
/** Weight of topics and tags on an episode record. */
const TOPIC_WEIGHT = 3;

/** Escape text for HTML element content and double-quoted attribute values (`& < > " '`). */
export const escapeHtml = (text: string): string => escapeUTF8(text);

/** The Pagefind record for one passage: its text is the content; what the card shows rides in metadata, only names and the title searchable. */
export function passageRecord(passage: SearchPassage): CustomRecord {
  const meta: Record<string, string> = {
    [META.title]: passage.title,
    [META.data]: encodeHidden({ date: passage.date ?? null, anchors: passage.anchors }),
  };
  // `;` never ends up in a name, so the list splits back exactly.
  if (passage.speakers.length > 0) meta[META.speaker] = passage.speakers.map((n) => n.replaceAll(';', ',')).join(SPEAKER_SEPARATOR);
  // No `kind` filter: passages are the records without one (record-fields.ts).
  const filters: Record<string, string[]> = { [FILTER.show]: [passage.show] };
  if (passage.people.length > 0) filters[FILTER.speaker] = passage.people;
  if (passage.date) filters[FILTER.year] = [passage.date.slice(0, 4)];
  if (passage.topics.length > 0) filters[FILTER.topic] = passage.topics;
  return { url: passage.url, content: passage.text, language: INDEX_LANGUAGE, meta, filters };
}

/** A metadata or filter value, captured by Pagefind from a hidden span. */
const hidden = (attribute: 'meta' | 'filter', key: string, value: string) =>
  `<span data-pagefind-${attribute}="${escapeHtml(key)}">${escapeHtml(value)}</span>`;

/**
 * A document for Pagefind: `body` (already escaped) is the searchable text;
 * the metadata and filters sit outside data-pagefind-body, captured but not
 * part of the searchable text.
 */
function indexDocument(title: string, body: string[], data: string[]): string {
  return (
    `<!doctype html><html lang="${INDEX_LANGUAGE}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><main data-pagefind-body>${body.join('')}</main><div hidden>${data.join('')}</div></body></html>`
  );
}

/** The HTML document Pagefind indexes for one episode. */
export function episodeDocument(episode: SearchEpisode): string {
  const e = escapeHtml;
  const body = [
    `<h1>${e(episode.title)}</h1>`,
    episode.people.length > 0 ? `<p data-pagefind-weight="${PEOPLE_WEIGHT}">${e(episode.people.join(', '))}</p>` : '',
    episode.summary ? `<p>${e(episode.summary)}</p>` : '',
    episode.topics.length > 0 ? `<p data-pagefind-weight="${TOPIC_WEIGHT}">${e(episode.topics.join(', '))}</p>` : '',
    `<p>${e(episode.show)}</p>`,
  ];
  const data = [
    hidden('meta', META.title, episode.title),
    episode.date ? hidden('meta', META.date, episode.date) : '',
    episode.people.length > 0 ? hidden('meta', META.people, episode.people.join(', ')) : '',
    episode.summary ? hidden('meta', META.summary, episode.summary) : '',
    hidden('filter', FILTER.kind, KIND.page),
    hidden('filter', FILTER.show, episode.show),
    ...episode.people.map((name) => hidden('filter', FILTER.speaker, name)),
    episode.date ? hidden('filter', FILTER.year, episode.date.slice(0, 4)) : '',
  ];
  return indexDocument(episode.title, body, data);
}

/** Weight of a topic's aliases on its record: a misspelling finds the topic nearly as well as its name. */
const ALIAS_WEIGHT = 5;

/** The HTML document Pagefind indexes for one topic page. */
export function topicDocument(topic: SearchTopic): string {
  const e = escapeHtml;
  const body = [
    `<h1>${e(topic.name)}</h1>`,
    topic.aliases.length > 0 ? `<p data-pagefind-weight="${ALIAS_WEIGHT}">${e(topic.aliases.join(', '))}</p>` : '',
    `<p>${e(topic.summary)}</p>`,
  ];
  const data = [
    hidden('meta', META.title, topic.name),
    hidden('meta', META.kind, 'topic'),
    hidden('meta', META.summary, topic.summary),
    hidden('filter', FILTER.kind, KIND.page),
    hidden('filter', FILTER.topic, topic.name),
  ];
  return indexDocument(topic.name, body, data);
}
