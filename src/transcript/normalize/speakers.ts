/**
 * Speaker resolution: raw labels (`Speaker 2`, `<v Ann>`, `**Ann:**`) become
 * speaker ids, named by the sidecar's `speakers:` map (several labels may map
 * to one person), with host/guest roles from the credits. A label carries
 * forward to following unlabelled segments until a new label or a `>>` turn.
 */
import type { Diagnostics } from '../diagnostics.ts';
import { excerpt } from '../diagnostics.ts';
import type { RawLabel, RawSegment } from '../formats/types.ts';
import type { Segment, Speaker } from '../schema.ts';
import { slugify } from '../slug.ts';

export interface SpeakerInput {
  /** Raw label → name, from the sidecar. */
  mapping: Record<string, string>;
  hosts: readonly string[];
  guests: readonly string[];
}

export interface ResolvedSpeakers {
  speakers: Speaker[];
  segments: Segment[];
  /** Sidecar labels that never occur in the transcript. */
  unusedLabels: string[];
}

const genericLabel = /^Speaker \S+$/;

/** Segments with plain-name labels a transcript needs to count as labelled turn by turn (see `resolveSpeakers`). */
const MIN_PLAIN_LABELS = 3;

/** Comparison key for labels and names: case, spacing and punctuation do not matter. */
const keyOf = (name: string) => name.toLowerCase().replace(/[\s_.-]+/g, ' ').trim();

/**
 * Resolve labels to speakers, filling in each raw segment's `speaker` (and
 * putting an unaccepted weak label back into its text) in place: the raw
 * segments become the episode's segments without a copy.
 */
export function resolveSpeakers(raw: RawSegment[], labels: readonly (RawLabel | null)[], input: SpeakerInput, diagnostics: Diagnostics): ResolvedSpeakers {
  const mapping = new Map<string, string>();
  for (const [label, name] of Object.entries(input.mapping)) mapping.set(keyOf(label), name.trim());
  const credited = new Map<string, 'host' | 'guest'>();
  for (const name of input.guests) credited.set(keyOf(name), 'guest');
  for (const name of input.hosts) credited.set(keyOf(name), 'host');

  // Weak labels (`Ann:`) count only when they recur, are mapped or are credited names.
  const labelCounts = new Map<string, number>();
  // Counted run by run: a label usually repeats cue after cue.
  let run: string | null = null;
  let runLength = 0;
  for (const label of labels) {
    if (!label) continue;
    if (label.name === run) {
      runLength++;
      continue;
    }
    if (run !== null) labelCounts.set(run, (labelCounts.get(run) ?? 0) + runLength);
    run = label.name;
    runLength = 1;
  }
  if (run !== null) labelCounts.set(run, (labelCounts.get(run) ?? 0) + runLength);
  const known = (name: string, strong: boolean) =>
    strong || (labelCounts.get(name) ?? 0) >= 2 || mapping.has(keyOf(name)) || credited.has(keyOf(name));
  // A transcript that labels its turns with plain names (`Ann:`), most of them known, is labelled turn by turn:
  // there a name-like prefix said once ("Bo:" among "Ann:"s, or "Remember:") starts another turn, and whose it
  // is stays unknown rather than given to the speaker before. Only plain labels count: beside `**Ann:**` or
  // `Speaker 1:`, a lone "Remember:" is more words of the speaker before.
  let weak = 0;
  let knownWeak = 0;
  for (const label of labels) {
    if (!label || label.strong) continue;
    weak++;
    if (known(label.name, false)) knownWeak++;
  }
  const turnByTurn = weak >= MIN_PLAIN_LABELS && knownWeak * 2 >= weak;

  const byId = new Map<string, Speaker>();
  const idForLabel = new Map<string, string>();
  const usedLabels = new Set<string>();
  const speakerFor = (label: string, line: number, column: number): string => {
    const cached = idForLabel.get(label);
    if (cached !== undefined) return cached;
    const mapped = mapping.get(keyOf(label));
    if (mapped !== undefined) usedLabels.add(keyOf(label));
    else if (genericLabel.test(label)) diagnostics.report('speaker-unmapped', line, column, { label: excerpt(label) });
    const name = mapped ?? label;
    // A copy, never a slice of the decoded text: every segment holds its speaker's id (see detachFromSource).
    const id = structuredClone(uniqueId(slugify(name) || 'speaker', name, byId));
    let speaker = byId.get(id);
    if (!speaker) {
      const role = credited.get(keyOf(name));
      speaker = role ? { id, name, role, labels: [] } : { id, name, labels: [] };
      byId.set(id, speaker);
    }
    if (!speaker.labels.includes(label)) speaker.labels.push(label);
    idForLabel.set(label, id);
    return id;
  };

  let current: string | null = null;
  // The last label resolved and its speaker: labels are shared objects, and a label repeats cue after cue.
  let lastLabel: RawLabel | null = null;
  let lastSpeaker: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i] as RawSegment;
    const label = labels[i] ?? null;
    if (s.newTurn) current = null;
    if (label) {
      if (label === lastLabel) current = lastSpeaker;
      else if (known(label.name, label.strong)) {
        current = speakerFor(label.name, s.line, s.column);
        lastLabel = label;
        lastSpeaker = current;
      } else {
        s.text = `${label.raw} ${s.text}`;
        if (turnByTurn) {
          current = null;
          lastLabel = null;
        }
      }
    }
    if (s.kind !== 'sound') s.speaker = current;
  }
  const segments: Segment[] = raw;

  // Credited people who never speak under a label still belong to the episode.
  for (const [names, role] of [
    [input.hosts, 'host'],
    [input.guests, 'guest'],
  ] as const) {
    for (const name of names) {
      const id = slugify(name) || 'speaker';
      const existing = byId.get(id);
      if (existing) {
        if (!existing.role) existing.role = role;
      } else {
        byId.set(uniqueId(id, name, byId), { id: uniqueId(id, name, byId), name, role, labels: [] });
      }
    }
  }

  const unusedLabels = [...mapping.keys()].filter((k) => !usedLabels.has(k));
  const originalLabel = new Map([...Object.keys(input.mapping)].map((l) => [keyOf(l), l] as const));
  return {
    speakers: [...byId.values()],
    segments,
    unusedLabels: unusedLabels.map((k) => originalLabel.get(k) ?? k),
  };
}

/** `id`, or `id-2`, `id-3`… when another name already holds it. */
function uniqueId(id: string, name: string, taken: Map<string, Speaker>): string {
  let candidate = id;
  for (let n = 2; ; n++) {
    const holder = taken.get(candidate);
    if (!holder || holder.name === name) return candidate;
    candidate = `${id}-${n}`;
  }
}
