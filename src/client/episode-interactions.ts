/**
 * The episode page's progressive enhancements, each a module of its own.
 * The page reads fully without them; each one checks for the markup it
 * needs and does nothing when it is missing.
 */
import { enhanceAudio } from './episode/audio-sync.ts';
import { enhanceCopyLinks } from './episode/copy-links.ts';
import { enhanceOutline } from './episode/outline-spy.ts';
import { enhancePassages } from './episode/passages.ts';
import { transcriptPage } from './episode/dom.ts';

const page = transcriptPage();
if (page) {
  enhanceCopyLinks(page);
  enhancePassages(page);
  enhanceAudio(page);
  enhanceOutline(page);
}
