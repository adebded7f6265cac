/**
 * YouTube video ids: the 11-character id itself, or found in a YouTube
 * page address (watch, youtu.be, shorts, embed, live).
 */
import { z } from 'zod';

/** An 11-character YouTube video id. */
export const YouTubeId = z.string().regex(/^[A-Za-z0-9_-]{11}$/, 'must be an 11-character YouTube video id');

/** The video id in a YouTube URL (watch, youtu.be, shorts, embed) or a bare id. */
export function youTubeIdOf(value: string): string | undefined {
  const text = value.trim();
  if (YouTubeId.safeParse(text).success) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.replace(/^(?:www\.|m\.|music\.)/, '');
  let id: string | null | undefined;
  if (host === 'youtu.be') id = url.pathname.slice(1).split('/')[0];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    id = url.searchParams.get('v') ?? /^\/(?:shorts|embed|live|v)\/([^/]+)/.exec(url.pathname)?.[1];
  }
  return id && YouTubeId.safeParse(id).success ? id : undefined;
}
