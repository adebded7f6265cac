/**
 * Speaker labels at the start of a cue's text: `Speaker 1:`, `SPEAKER_02:`,
 * `JOHN SMITH:`, `Ann Lee:`, `>> Ann:`. Strong patterns are certain; a plain
 * name followed by a colon is weak (it might be `Note:`), and the normalizer
 * keeps it only if it recurs or the sidecar maps it.
 */
import type { RawLabel } from './formats/types.ts';
import { PrefixCache } from './prefix-cache.ts';
import { isTrimSpace } from './text.ts';

// `Speaker 1`, `Speaker A`, `SPEAKER_01`, `Spk 2`
const generic = /^(?:speaker|spk|spkr)[ _-]?(?:\d{1,3}|[A-Z])$/i;
// One to four name words: Capitalised or ALL CAPS, letters of any script, with ' . - inside.
const nameWord = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const weakName = new RegExp(String.raw`^(?:${nameWord})(?: (?:${nameWord}|de|van|von|da|del|der|bin|al|la|le)){0,3}$`, 'u');
/**
 * Words that open a caption as an editorial remark, never as a name: `Note:`
 * twice in a file must not become a speaker called Note. Compared in lower case.
 */
const notNames = new Set([
  'note', 'notes', 'nb', 'n.b.', 'ps', 'p.s.', 'edit', 'update', 'correction', 'warning', 'caution', 'disclaimer',
  'source', 'sources', 'link', 'links', 'reference', 'references', 'transcript', 'translation', 'chapter', 'summary',
]);

/** The label prefix at the start of `text`, if any, and the text after it. */
export function splitSpeakerLabel(text: string): { label: RawLabel; rest: string } | null {
  const split = labelAt(text, 0, text.length, scratch);
  return split ? { label: split.label, rest: text.slice(split.restFrom, split.restTo) } : null;
}

/** A label found by `labelAt`, and where the text after it lies in the source. */
export interface LabelSplit {
  label: RawLabel;
  restFrom: number;
  restTo: number;
}

const scratch: LabelSplit = { label: { name: '', strong: false, raw: '' }, restFrom: 0, restTo: 0 };

/**
 * `splitSpeakerLabel` on the text `s[from, to)` without slicing it first:
 * fills and returns `out`, or returns null. Looks at most 41 characters
 * ahead for the colon, so a file with no colons stays linear.
 */
export function labelAt(s: string, from: number, to: number, out: LabelSplit): LabelSplit | null {
  let colon = -1;
  // Cue after cue starts with the same prefix (`Speaker 2:`, one colon, at its end): that colon is the first,
  // and the prefix's label is known without a slice or a lookup.
  const last = labels.last;
  const again = last !== null && last.key.length < to - from && s.startsWith(last.key, from);
  if (again) colon = from + last.key.length - 1;
  else {
    // Cheap rejection: a label needs a colon within the first 40 characters.
    const limit = Math.min(to, from + 41);
    for (let i = from; i < limit; i++) {
      if (s.charCodeAt(i) === 58) {
        colon = i;
        break;
      }
    }
  }
  if (colon <= from) return null;
  // `10:30`, `http://`, `a:b` are not labels: a label's colon is followed by a space or the end.
  if (colon + 1 < to) {
    const after = s.charCodeAt(colon + 1);
    if (after !== 32 && after !== 9 && after !== 0xa0) return null;
  }
  const label = again ? last.value : labels.at(s, from, colon + 1);
  if (!label) return null;
  // The rest, trimmed as `String.prototype.trim` would.
  let restFrom = colon + 1;
  let restTo = to;
  while (restFrom < restTo && isTrimSpace(s.charCodeAt(restFrom))) restFrom++;
  while (restTo > restFrom && isTrimSpace(s.charCodeAt(restTo - 1))) restTo--;
  out.label = label;
  out.restFrom = restFrom;
  out.restTo = restTo;
  return out;
}

/**
 * Labels recur thousands of times in a file (`Speaker 2:` on every cue), so
 * each distinct prefix is classified once. Labels are shared and read-only.
 */
const labels = new PrefixCache<RawLabel | null>(4096, labelOf);

/** The label a prefix such as `Speaker 2:` or `>> Ann:` stands for, or null. */
function labelOf(raw: string): RawLabel | null {
  const start = raw.startsWith('>>') || raw.startsWith('- ') ? 2 : 0; // a turn marker or dialogue dash before a name
  const name = raw.slice(start, raw.length - 1).trim();
  if (name.length === 0) return null;
  if (generic.test(name)) return Object.freeze({ name: normalizeGeneric(name), strong: true, raw });
  if (weakName.test(name) && !notNames.has(name.toLowerCase())) return Object.freeze({ name, strong: false, raw });
  return null;
}

/** A label from markup (a WebVTT voice): generic names normalised (`SPEAKER_01` → `Speaker 1`), others kept as given. */
export function normalizeLabelName(name: string): string {
  return generic.test(name) ? normalizeGeneric(name) : name;
}

/** `SPEAKER_01` and `speaker 1` both become `Speaker 1`, so sidecar keys match either. */
export function normalizeGeneric(name: string): string {
  const m = /(\d+|[A-Z])$/i.exec(name);
  const tail = m ? m[1] ?? '' : '';
  return `Speaker ${/^\d+$/.test(tail) ? String(Number(tail)) : tail.toUpperCase()}`;
}
