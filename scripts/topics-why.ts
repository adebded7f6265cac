/**
 * Why discovery did or did not make a topic of each phrase given: its
 * noun-phrase counts, the filter or threshold that dropped it, or the
 * topic it was merged into. For tuning discovery and for editors who
 * wonder why a name is missing.
 *
 *   node scripts/topics-why.ts --episodes DIR PHRASE...
 */
import { parseArgs } from 'node:util';
import { Discovery } from '../src/knowledge/topics/discover/discover.ts';
import { ingestFolder } from '../src/node/episode-folder.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { episodes: { type: 'string', default: 'content/episodes' } } });
const episodes = ingestFolder(values.episodes).episodes;
const discovery = new Discovery();
for (const e of episodes) discovery.read(e);
for (const e of episodes) discovery.count(e);
discovery.topics();
for (const phrase of positionals) console.log(`${phrase}: ${discovery.explain(phrase)}`);
