/**
 * The diagnostics catalogue: every problem the core can report, with its
 * severity and a message that says what was found and what to do. Parsers
 * report by code and never build message strings themselves.
 * Documented for users in docs/diagnostics.md (a test keeps the two in step).
 */

export type Severity = 'error' | 'warning';

/** One reported problem, tied to a place in a file. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
}

type Args = Record<string, string | number>;
interface Entry {
  severity: Severity;
  message: (a: Args) => string;
}

const entry = (severity: Severity, message: (a: Args) => string): Entry => ({ severity, message });

/**
 * Policy: an *error* means content was lost or the file cannot be used as it
 * is (the build fails until it is fixed); a *warning* means the input was
 * repaired or a guess was made, and the result may not be what was meant.
 */
export const catalogue = {
  // Reading bytes
  'empty-file': entry('error', () => 'file is empty; add a transcript or delete the file'),
  'binary-file': entry('error', (a) => `file looks binary (${a.reason}), not text; keep only text files here (transcripts, sidecars, topic files, site.yml)`),
  'encoding-fallback': entry('warning', () => 'file is not valid UTF-8; read it as Windows-1252. Save it as UTF-8 to be sure of the characters'),
  'encoding-unknown': entry('error', (a) => `file is not UTF-8 or UTF-16, and ${a.share} of its bytes are not ASCII, far more than Windows-1252 text has: it is binary or in another encoding; save it as UTF-8`),
  'encoding-utf16-no-bom': entry('warning', (a) => `file looks like UTF-16 (${a.order}) without a byte-order mark; read it as such. Save it as UTF-8`),
  'file-too-large': entry('error', (a) => `file is ${a.size} bytes, over the limit of ${a.limit}; split it into several episodes`),
  'not-a-transcript': entry('error', (a) => `this is ${a.kind}, not a transcript; export the transcript as SRT, WebVTT, Markdown or plain text (see \`verbatim formats\`)`),
  'unknown-format': entry('error', () => 'cannot tell the format of this file (SRT, WebVTT, caption tokens, Markdown or timestamp bullets); see `verbatim formats` for examples'),
  'no-segments': entry('error', (a) => `no transcript text found in this ${a.format} file; check that it holds cues or text`),
  'segment-too-long': entry('error', (a) => `one segment holds ${a.size} characters without a cue or paragraph break, over the limit of ${a.limit}; it was dropped. If it is embedded data (a base64 image), remove it, else break the text into paragraphs`),
  'control-characters': entry('warning', (a) => `removed ${a.count} control character(s) from the text, the first here`),
  'vtt-nul-replaced': entry('warning', (a) => `replaced ${a.count} NUL character(s) with U+FFFD (�), the first here, as the WebVTT rules do; the file is damaged there, check the text and remove them`),

  'folder-unreadable': entry('error', (a) => `cannot read this folder (${a.reason}); check the path`),
  'file-unreadable': entry('error', (a) => `cannot read this file (${a.reason}); check the path and permissions`),

  // Times shared by all timed formats
  'time-invalid': entry('error', (a) => `cannot read "${a.found}" as a time; write it as ${a.expected}`),
  'time-out-of-range': entry('error', (a) => `time "${a.found}" has ${a.field} out of range (${a.limit}); fix the time`),
  'time-end-before-start': entry('error', (a) => `cue ends (${a.end}) before it starts (${a.start}); fix or delete this cue`),
  'time-out-of-order': entry('warning', (a) => `cue starts at ${a.start}, before the previous cue (${a.previous}); kept in file order, check the times`),

  // SRT
  'srt-cue-without-timing': entry('error', (a) => `text "${a.found}" is not under a cue timing line (HH:MM:SS,mmm --> HH:MM:SS,mmm); add a timing line or delete it`),
  'srt-empty-cue': entry('warning', () => 'cue has a timing line but no text; it was skipped'),
  'srt-label-only-cue': entry('warning', (a) => `cue holds only the speaker label "${a.label}" and ${a.next}, so the label was dropped; put the label in front of the words it introduces`),

  // WebVTT
  'vtt-bad-signature': entry('error', () => 'a WebVTT file must start with the line "WEBVTT"; fix the first line'),
  'vtt-bad-timing': entry('error', (a) => `cannot read the cue timing "${a.found}"; write it as [HH:]MM:SS.mmm --> [HH:]MM:SS.mmm`),
  'vtt-empty-cue': entry('warning', () => 'cue has a timing line but no text; it was skipped'),
  'vtt-unknown-block': entry('warning', (a) => `block "${a.found}" is neither a cue nor a NOTE/STYLE/REGION block; it was skipped`),

  // Caption tokens
  'tokens-no-words': entry('error', () => 'caption-token file holds speaker markers but no words; check the export'),

  // Markdown and YAML
  'frontmatter-unclosed': entry('error', () => 'front matter opened with "---" is never closed; add a "---" line after the metadata'),
  'yaml-syntax': entry('error', (a) => `YAML: ${a.detail}; fix the syntax`),
  'yaml-duplicate-key': entry('error', (a) => `key "${a.key}" appears twice; keep one`),
  'yaml-alias-limit': entry('error', () => 'YAML uses too many aliases (a "billion laughs" expansion); remove the aliases'),
  'yaml-too-large': entry('error', (a) => `YAML metadata is ${a.size} characters long, over the limit of ${a.limit}; it was ignored. Keep front matter and sidecars to metadata`),
  'yaml-too-deep': entry('error', (a) => `YAML nests lists or maps more than ${a.limit} levels deep here; flatten the metadata`),
  'frontmatter-not-a-map': entry('error', () => 'this metadata (front matter, sidecar or site config) must be a map of keys and values (key: value), not a list or a single value; fix it'),
  'frontmatter-field-ignored': entry('warning', (a) => `front matter field "${a.key}" has an unusable value (${a.reason}); it was ignored`),
  'frontmatter-field-coerced': entry('warning', (a) => `front matter ${a.field} is ${a.found}; it was read as ${a.read}. Write ${a.instead} to say so`),
  'frontmatter-item-ignored': entry('warning', (a) => `item ${a.item} of front matter field "${a.key}" is ${a.found}, not a name; it was ignored. Write it as text: ${a.instead}`),
  'bullets-untimed': entry('warning', (a) => `"${a.found}" has no [MM:SS] timestamp but comes after the first timed bullet; kept without a time`),
  'bullets-bad-timestamp': entry('warning', (a) => `"${a.found}" looks like a timestamp but is not a valid time (${a.reason}); kept as text without a time. Write [MM:SS] or [H:MM:SS]`),

  // Sidecar
  'sidecar-unknown-key': entry('warning', (a) => `unknown key "${a.key}" in sidecar; known keys: ${a.known}`),
  'sidecar-invalid': entry('error', (a) => `sidecar field "${a.key}": ${a.detail}`),
  'sidecar-unused': entry('warning', (a) => `this sidecar is read by no transcript: ${a.reason}`),
  'sidecar-label-unused': entry('warning', (a) => `speaker label "${a.label}" is mapped in the sidecar but never appears in the transcript; check the spelling`),
  'speaker-unmapped': entry('warning', (a) => `speaker label "${a.label}" has no name in the sidecar's speakers map; add "${a.label}: Name" to name them`),

  // Episode-level
  'internal-error': entry('error', (a) => `Verbatim failed on this file (${a.detail}); this is a bug, please report it with the file`),
  'episode-duplicate-id': entry('error', (a) => `this file and ${a.other} are both episode "${a.id}" (same path without extension); rename or remove one of them`),
  'slug-collision': entry('warning', (a) => `slug "${a.slug}" is also used by ${a.other}; this episode is published as "${a.unique}". Give one of them another "slug:" in its sidecar to choose`),

  // Adding content (verbatim add, verbatim new topic): reported against the file given
  'add-not-transcript': entry('error', (a) => `this is ${a.kind}, which the episodes folder never reads as a transcript; add the transcript itself (a sidecar beside it comes with it)`),
  'add-exists': entry('error', (a) => `${a.path} already exists, and verbatim add never overwrites a transcript or sidecar; delete or rename it first, or add this file under another name`),
  'add-show-from-sidecar': entry('warning', (a) => `the sidecar that comes with this file names the show "${a.show}", which the site uses; --show "${a.given}" only chose its folder. Change "show:" in the sidecar to move it`),
  'add-show-from-folder': entry('warning', (a) => `the sidecar that comes with this file has no "show:", so the site names its show from the folder: "${a.show}"; add show: "${a.given}" to the sidecar to keep the name as you wrote it`),
  'add-same-destination': entry('error', (a) => `this file and ${a.other} would both be added as ${a.path}; add them to different shows (--show) or rename one`),
  'add-write-failed': entry('error', (a) => `cannot write ${a.path} (${a.reason}); nothing was added, check the folder's permissions`),
  'topic-exists': entry('error', (a) => `topic "${a.name}" already exists (${a.where}); edit that file instead`),

  // Site config (content/site.yml)
  'config-unknown-key': entry('error', (a) => `unknown key ${a.key} in the site config${a.hint}; it does nothing, so remove or rename it. Known keys here: ${a.known}`),
  'config-invalid': entry('error', (a) => `site config ${a.key}: ${a.detail}`),
  'config-show-unknown': entry('warning', (a) => `the site config has settings for the show "${a.name}", but no episode belongs to it; name the show as its episodes do (${a.known})`),

  // Topics (content/topics/*.md)
  'topic-no-front-matter': entry('error', () => 'a topic file must start with front matter ("---", then at least "title: Name", then "---"); add it'),
  'topic-unknown-key': entry('warning', (a) => `unknown key "${a.key}" in topic front matter; known keys: ${a.known}`),
  'topic-invalid': entry('error', (a) => `topic field "${a.key}": ${a.detail}`),
  'topic-bad-slug': entry('error', (a) => `cannot make a topic slug from the file name "${a.name}"; name the file with letters or digits, like heat-pumps.md`),
  'topic-slug-collision': entry('error', (a) => `topic slug "${a.slug}" is also used by ${a.other}; rename one of the files`),
  'topic-body-too-large': entry('error', (a) => `topic text is ${a.size} bytes, over the limit of ${a.limit}; shorten it (the text was not rendered)`),
  'topic-raw-html': entry('warning', (a) => `raw HTML "${a.found}" is not rendered in topic text; write Markdown instead`),
  'topic-unsafe-link': entry('warning', (a) => `link "${a.found}" was removed: only http(s), mailto and relative links are allowed`),
  'topic-alias-conflict': entry('warning', (a) => `alias "${a.alias}" also names topic "${a.other}" (${a.file}); it stays with that topic, remove it from one of them`),
  'topic-related-unknown': entry('warning', (a) => `related topic "${a.related}" does not exist; use the slug or title of a file in the topics folder`),
  'topic-unmentioned': entry('warning', (a) => `topic "${a.name}" is never mentioned in ${a.episodes} episode(s); check its title and aliases against the transcripts`),
} as const satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof catalogue;

/** All codes, for documentation and tests. */
export const diagnosticCodes = Object.keys(catalogue) as DiagnosticCode[];

/** Build a diagnostic from the catalogue. */
export function diagnostic(code: DiagnosticCode, file: string, line: number, column: number, args: Args = {}): Diagnostic {
  const { severity, message } = catalogue[code];
  return { code, severity, file, line, column, message: message(args) };
}

/** A collector that parsers report into; it never throws. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  readonly file: string;
  constructor(file: string) {
    this.file = file;
  }
  report(code: DiagnosticCode, line: number, column: number, args: Args = {}): void {
    this.list.push(diagnostic(code, this.file, line, column, args));
  }
}

/** `file:line:col severity code message`, the CLI's one-line form. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

/** Quote a piece of input for a message: one line, at most `max` characters. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
