/**
 * The names a discovered topic must not be: the people heard in the
 * episodes (they have speaker pages) and the shows themselves. Speech
 * recognition misspells names too ("Zeitron" for Zitron, "Kadrowski" for
 * Kedrosky), so a word counts as a name word when it is the same, one edit
 * away (five letters or more), or sounds the same by Double Metaphone and
 * is at most one edit per three letters away.
 */
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import type { Episode } from '../../../transcript/schema.ts';
import { phraseKeys } from '../words.ts';

/** Raw labels the transcription tool invents, which name nobody. */
const genericLabel = /^(speaker|spk|voice|unknown|person)\s*\d*$/i;
/** Words in show names that say nothing on their own. */
const showFillers = new Set(['the', 'a', 'an', 'and', 'of', 'with', 'show', 'podcast']);

export class NameWords {
  private readonly people = new Set<string>();
  private readonly shows = new Set<string>();
  private readonly sounds = new Map<string, string[]>();
  /** Answers of `isPersonWord`, until a name is added. */
  private readonly known = new Map<string, boolean>();
  /** Name words of five letters or more by themselves and each of their one-letter deletions, until a name is added. */
  private nearIndex: Map<string, string[]> | undefined;

  /** Note the speakers, hosts, guests and show of one episode. */
  add(e: Episode): void {
    const names = [...e.speakers.map((s) => s.name), ...e.hosts, ...e.guests];
    for (const name of names) {
      if (genericLabel.test(name.trim())) continue;
      for (const key of phraseKeys(name)) this.addPerson(key);
    }
    for (const key of phraseKeys(e.show)) if (!showFillers.has(key)) this.shows.add(key);
  }

  private addPerson(key: string): void {
    if (this.people.has(key)) return;
    this.people.add(key);
    this.known.clear();
    this.nearIndex = undefined;
    for (const code of doubleMetaphone(key)) {
      const list = this.sounds.get(code) ?? [];
      list.push(key);
      this.sounds.set(code, list);
    }
  }

  /** True when `key` is, or is probably a misrecognition of, a word of a speaker's name. */
  isPersonWord(key: string): boolean {
    let answer = this.known.get(key);
    if (answer === undefined) this.known.set(key, (answer = this.#isPersonWord(key)));
    return answer;
  }

  #isPersonWord(key: string): boolean {
    if (this.people.has(key)) return true;
    // One edit apart: the two share the word itself or a one-letter deletion of it, so only names found so are measured.
    if (key.length >= 5) for (const v of [key, ...deletions(key)]) for (const name of this.near().get(v) ?? []) if (distance(name, key) <= 1) return true;
    if (key.length >= 4) {
      // Sounds the same and is close in spelling, closer for short words: "Kadrowski" is Kedrosky (3 edits), "Meta" is not Matt (2).
      const edits = Math.max(1, Math.floor(key.length / 3));
      for (const code of doubleMetaphone(key)) {
        for (const name of this.sounds.get(code) ?? []) if (name.length >= 4 && distance(name, key) <= edits) return true;
      }
    }
    return false;
  }

  private near(): Map<string, string[]> {
    if (this.nearIndex) return this.nearIndex;
    const index = new Map<string, string[]>();
    for (const name of this.people) {
      if (name.length < 5) continue;
      for (const v of new Set([name, ...deletions(name)])) {
        const list = index.get(v);
        if (list) list.push(name);
        else index.set(v, [name]);
      }
    }
    return (this.nearIndex = index);
  }

  /** True when every word of the phrase is a speaker's name word ("Dylan", "Paul Kadrowski"). */
  isPerson(keys: readonly string[]): boolean {
    return keys.length > 0 && keys.every((k) => this.isPersonWord(k));
  }

  /** True when every word of the phrase is a word of a show's name ("Better Offline", "offline"). */
  isShow(keys: readonly string[]): boolean {
    return keys.length > 0 && keys.every((k) => this.shows.has(k) || showFillers.has(k));
  }
}

/** The strings one deletion away from `s`. */
function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}
