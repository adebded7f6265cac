/**
 * The search page's script: reads `?q=` (and filters) on load, searches as
 * the user types (debounced) while keeping the URL in step, offers show,
 * speaker, topic and year filters from the index, and renders ranked result
 * cards that link to the exact paragraph, with matching topic and episode
 * pages in a compact strip above them. Every piece of result text goes into
 * text nodes; no HTML from the index is ever parsed.
 *
 * Markup contract (SearchApp.astro): `[data-search-app]` with the URLs of
 * pagefind.js and the dictionary, a form whose `input[name=q]` is the query,
 * and `[data-search-*]` slots for status, notice, filters, pages, results and more.
 */
import type { SearchDictionary } from '../search/dictionary.ts';
import { pagefindEngine, pagefindOptions } from '../search/pagefind-engine.ts';
import type { PagefindModule } from '../search/pagefind-engine.ts';
import { planQuery } from '../search/query-plan.ts';
import { filterKeys } from '../search/record-fields.ts';
import type { FilterKey } from '../search/record-fields.ts';
import { ResultPages } from '../search/result-pages.ts';
import type { LoadedResult } from '../search/result-pages.ts';
import type { ResultView } from '../search/result-view.ts';
import { runSearch } from '../search/run-search.ts';
import type { Filters, SearchEngine, SearchOutcome } from '../search/run-search.ts';
import { Speller } from '../search/speller.ts';

const PAGE_SIZE = 10;
/** Most topic and episode pages in the strip above the results. */
const STRIP_SIZE = 6;
const DEBOUNCE_MS = 220;
const FILTER_LABELS: Record<FilterKey, string> = { show: 'Show', speaker: 'Speaker', topic: 'Topic', year: 'Year', kind: 'Kind' };

interface Elements {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  notice: HTMLElement;
  filters: HTMLDetailsElement;
  filterGroups: HTMLElement;
  filterCount: HTMLElement;
  pagesBox: HTMLElement;
  pages: HTMLUListElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
  empty: HTMLElement;
  suggestions: HTMLElement;
}

/** Find the page's slots; null when the page lacks them (the script is then inert). */
function elements(): Elements | null {
  const root = document.querySelector<HTMLElement>('[data-search-app]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const q = <T extends Element>(selector: string) => root?.querySelector<T>(selector) ?? null;
  const found = {
    root,
    form,
    input,
    status: q<HTMLElement>('[data-search-status]'),
    notice: q<HTMLElement>('[data-search-notice]'),
    filters: q<HTMLDetailsElement>('[data-search-filters]'),
    filterGroups: q<HTMLElement>('[data-search-filter-groups]'),
    filterCount: q<HTMLElement>('[data-search-filter-count]'),
    pagesBox: q<HTMLElement>('[data-search-pages-box]'),
    pages: q<HTMLUListElement>('[data-search-pages]'),
    results: q<HTMLOListElement>('[data-search-results]'),
    more: q<HTMLButtonElement>('[data-search-more]'),
    empty: q<HTMLElement>('[data-search-empty]'),
    suggestions: q<HTMLElement>('[data-search-suggestions]'),
  };
  for (const value of Object.values(found)) if (!value) return null;
  return found as Elements;
}

/** Start the search page. */
export function startSearch(): void {
  const el = elements();
  if (!el) return;
  const app = new SearchApp(el);
  void app.start();
}

class SearchApp {
  readonly #el: Elements;
  #engine: SearchEngine | null = null;
  #pagefind: PagefindModule | null = null;
  #filtersLoaded = false;
  #speller = new Speller(emptyDictionary());
  #dictionary: SearchDictionary = emptyDictionary();
  #filters: Filters = {};
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #outcome: SearchOutcome | null = null;
  #pager: ResultPages | null = null;
  #shown = 0;

  constructor(el: Elements) {
    this.#el = el;
  }

  async start(): Promise<void> {
    const el = this.#el;
    const params = new URLSearchParams(location.search);
    el.input.value = params.get('q') ?? '';
    for (const key of filterKeys) {
      const values = params.getAll(key).filter(Boolean);
      if (values.length > 0) this.#filters[key] = values;
    }
    el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#timer);
      void this.search();
    });
    el.input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.search(), DEBOUNCE_MS);
    });
    el.input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        const first = el.results.querySelector<HTMLAnchorElement>('a[data-result-link]');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    el.results.addEventListener('keydown', (event) => this.#moveFocus(event));
    el.more.addEventListener('click', () => void this.#renderMore());
    // Facets load when the panel is first opened: their data (every filter value of every shard) can
    // outweigh a whole search in a large archive, and most searches never use it.
    el.filters.addEventListener('toggle', () => {
      if (el.filters.open) void this.#loadFilters();
    });

    this.#setState('loading');
    this.#status('Loading the search index…');
    try {
      const [pagefind, dictionary] = await Promise.all([this.#loadPagefind(), this.#loadDictionary()]);
      this.#engine = pagefindEngine(pagefind);
      this.#dictionary = dictionary;
      this.#speller = new Speller(dictionary);
      this.#pagefind = pagefind;
      el.filters.hidden = false;
      this.#updateFilterCount();
      // Filters given in the address are shown applied.
      if (this.#activeFilterCount() > 0) el.filters.open = true;
    } catch {
      this.#setState('unavailable');
      this.#status('Search is not available: the index was not found. It is built with the site (npm run site:build).');
      return;
    }
    this.#setState('ready');
    await this.search();
  }

  async #loadPagefind(): Promise<PagefindModule> {
    const root = this.#el.root.dataset;
    const pagefind = (await import(/* @vite-ignore */ root.pagefind ?? '')) as PagefindModule;
    await pagefind.options(pagefindOptions());
    await pagefind.init?.();
    // The other shards of the index (src/search-index/shards.ts), searched as one.
    const shards = (root.shards ?? '').split(' ').filter(Boolean);
    await Promise.all(shards.map((path) => pagefind.mergeIndex?.(path, pagefindOptions())));
    return pagefind;
  }

  async #loadFilters(): Promise<void> {
    if (this.#filtersLoaded || !this.#pagefind) return;
    this.#filtersLoaded = true;
    try {
      this.#renderFilters(await this.#pagefind.filters());
    } catch {
      this.#filtersLoaded = false;
    }
  }

  /** The dictionary only improves results; without it search still works. */
  async #loadDictionary(): Promise<SearchDictionary> {
    try {
      const response = await fetch(this.#el.root.dataset.dictionary ?? '');
      if (!response.ok) return emptyDictionary();
      const data = (await response.json()) as SearchDictionary;
      return data && data.version === 2 ? data : emptyDictionary();
    } catch {
      return emptyDictionary();
    }
  }

  /** Search for the field's current text with the current filters, and show the results. */
  async search(): Promise<void> {
    const el = this.#el;
    const query = el.input.value.trim();
    this.#syncUrl(query);
    const run = ++this.#run;
    if (!this.#engine) return;
    if (!query) {
      this.#outcome = null;
      this.#pager = null;
      el.results.replaceChildren();
      this.#renderPages([]);
      el.more.hidden = true;
      el.notice.hidden = true;
      el.empty.hidden = true;
      this.#status(this.#activeFilterCount() > 0 ? 'Type some words to search the selected episodes.' : 'Type some words to search every transcript.');
      return;
    }
    el.results.setAttribute('aria-busy', 'true');
    const plan = planQuery(query, this.#speller);
    // Moments (passages) and pages (episodes, topics) are searched apart: the list, and the strip above it.
    const [outcome, pages] = await Promise.all([
      runSearch(plan, this.#filters, this.#engine),
      runSearch(plan, this.#filters, this.#engine, { records: 'pages' }).then((o) => new ResultPages(o, [...o.plan.core, ...o.plan.terms]).next(STRIP_SIZE)),
    ]);
    if (run !== this.#run) return; // a newer search has started
    this.#outcome = outcome;
    this.#pager = new ResultPages(outcome, [...outcome.plan.core, ...outcome.plan.terms]);
    this.#shown = 0;
    this.#renderNotice(outcome);
    this.#renderPages([...pages.pages, ...pages.moments]);
    await this.#renderMore(run, true);
    el.results.removeAttribute('aria-busy');
  }

  /** Show the next moments; on the first batch (`fresh`), replace the old results and fill the strip. */
  async #renderMore(run = this.#run, fresh = false): Promise<void> {
    const el = this.#el;
    const outcome = this.#outcome;
    const pager = this.#pager;
    if (!outcome || !pager || (!fresh && el.more.disabled)) return;
    // "Show more" loads one batch at a time: the pager reads on from where the last batch stopped.
    if (!fresh) el.more.disabled = true;
    const batch = await pager.next(PAGE_SIZE).finally(() => {
      if (!fresh) el.more.disabled = false;
    });
    if (run !== this.#run) return;
    if (fresh) el.results.replaceChildren();
    const firstNew = this.#shown;
    batch.moments.forEach((result, i) => el.results.append(resultCard(result.view, firstNew + i + 1)));
    this.#shown += batch.moments.length;
    el.more.hidden = pager.remaining === 0;
    el.more.textContent = 'Show more results';
    el.empty.hidden = outcome.hits.length > 0;
    this.#status(statusText(outcome));
    // After "Show more", move focus to the first new result so keyboard users continue from there.
    if (firstNew > 0) el.results.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')[firstNew]?.focus();
    if (outcome.hits.length === 0) this.#renderSuggestions();
  }

  /** The strip of matching topic and episode pages above the results (hidden when there are none). */
  #renderPages(pages: readonly LoadedResult[]): void {
    const el = this.#el;
    el.pages.replaceChildren(...pages.slice(0, STRIP_SIZE).map((p) => pageLink(p.view)));
    el.pagesBox.hidden = el.pages.childElementCount === 0;
  }

  #renderNotice(outcome: SearchOutcome): void {
    const el = this.#el;
    const plan = outcome.plan;
    const typed = plan.exact;
    el.notice.replaceChildren();
    const corrected = plan.corrected && plan.corrections.length > 0 && (outcome.mode === 'corrected' || outcome.mode === 'partial');
    if (corrected && plan.corrected) {
      el.notice.append('Showing results for ', quoted(plan.corrected, 'strong'), ', not ', quoted(typed, 'del'), '.');
    } else if (outcome.mode === 'corrected' && outcome.shownQuery) {
      el.notice.append('Showing results for ', quoted(outcome.shownQuery, 'strong'), '.');
    }
    if ((outcome.mode === 'corrected' || outcome.mode === 'partial') && plan.unknown.length > 0) {
      el.notice.append(el.notice.childNodes.length > 0 ? ' ' : '', 'Nothing in the transcripts matches ', ...joinNodes(plan.unknown.map((w) => quoted(w, 'del'))), '.');
    }
    if (outcome.mode === 'partial') {
      el.notice.append(el.notice.childNodes.length > 0 ? ' ' : '', 'No passage has every word; showing those with the most of them, rarer words counting more.');
    } else if (outcome.mode === 'exact' && outcome.expandedWith.length > 0) {
      el.notice.append('Also searched: ', ...joinNodes(outcome.expandedWith.map((q) => quoted(q, 'strong'))), '.');
    }
    el.notice.hidden = el.notice.childNodes.length === 0;
  }

  #renderSuggestions(): void {
    const el = this.#el;
    el.suggestions.replaceChildren();
    const items = this.#dictionary.suggestions.slice(0, 6);
    el.suggestions.hidden = items.length === 0;
    for (const text of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `?q=${encodeURIComponent(text)}`;
      a.textContent = text;
      li.append(a);
      el.suggestions.append(li);
    }
  }

  #renderFilters(counts: Record<string, Record<string, number>>): void {
    const el = this.#el;
    el.filterGroups.replaceChildren();
    let any = false;
    for (const key of filterKeys) {
      const values = Object.keys(counts[key] ?? {});
      if (values.length < 2 && !(this.#filters[key]?.length ?? 0)) continue; // one value filters nothing
      any = true;
      values.sort(key === 'year' ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
      const fieldset = document.createElement('fieldset');
      fieldset.className = 'filter-group';
      const legend = document.createElement('legend');
      legend.textContent = FILTER_LABELS[key];
      fieldset.append(legend);
      const list = document.createElement('ul');
      if (values.length > 8) list.classList.add('scroll');
      for (const value of values) {
        const li = document.createElement('li');
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = key;
        box.value = value;
        box.checked = this.#filters[key]?.includes(value) ?? false;
        box.addEventListener('change', () => this.#toggleFilter(key, value, box.checked));
        const text = span(value, undefined, true);
        label.append(box, text);
        li.append(label);
        list.append(li);
      }
      fieldset.append(list);
      el.filterGroups.append(fieldset);
    }
    if (any) {
      const clear = document.createElement('button');
      clear.type = 'button';
      clear.className = 'link-button';
      clear.textContent = 'Clear filters';
      clear.dataset.searchClear = '';
      clear.addEventListener('click', () => {
        this.#filters = {};
        for (const box of el.filterGroups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = false;
        this.#updateFilterCount();
        void this.search();
      });
      el.filterGroups.append(clear);
    }
    el.filters.hidden = !any;
    this.#updateFilterCount();
  }

  #toggleFilter(key: FilterKey, value: string, on: boolean): void {
    const current = new Set(this.#filters[key] ?? []);
    if (on) current.add(value);
    else current.delete(value);
    if (current.size > 0) this.#filters[key] = [...current];
    else delete this.#filters[key];
    this.#updateFilterCount();
    void this.search();
  }

  #activeFilterCount(): number {
    return Object.values(this.#filters).reduce((n, values) => n + (values?.length ?? 0), 0);
  }

  #updateFilterCount(): void {
    const n = this.#activeFilterCount();
    this.#el.filterCount.textContent = n > 0 ? `${n} selected` : '';
    const clear = this.#el.filterGroups.querySelector<HTMLButtonElement>('[data-search-clear]');
    if (clear) clear.hidden = n === 0;
  }

  /** Keep `?q=` and the filters in the address bar (replacing, so typing does not flood history). */
  #syncUrl(query: string): void {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const key of filterKeys) for (const value of this.#filters[key] ?? []) params.append(key, value);
    const search = params.toString();
    const next = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
    if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
  }

  /** Up and down arrows move between result links; up from the first goes back to the field. */
  #moveFocus(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...this.#el.results.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? links[index + 1] : links[index - 1];
    if (next) next.focus();
    else if (event.key === 'ArrowUp') this.#el.input.focus();
  }

  #status(text: string): void {
    this.#el.status.textContent = text;
  }

  #setState(state: 'loading' | 'ready' | 'unavailable'): void {
    this.#el.root.dataset.state = state;
  }
}

/** The live-region sentence for an outcome. */
function statusText(outcome: SearchOutcome): string {
  const n = outcome.hits.length;
  const count = `${n} ${n === 1 ? 'result' : 'results'}`;
  const typed = `“${outcome.plan.exact}”`;
  switch (outcome.mode) {
    case 'none':
      return `No results for ${typed}.`;
    case 'corrected':
      return `${count} for “${outcome.shownQuery ?? outcome.plan.exact}”.`;
    case 'partial':
      return `${count} matching some of the words of ${typed}.`;
    default:
      return `${count} for ${typed}.`;
  }
}

/** One result card: the whole card is the link's target; text only ever goes into text nodes. */
function resultCard(view: ResultView, position: number): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `search-result is-${view.kind}`;
  li.setAttribute('data-search-result', view.kind);
  const id = `result-${position}`;

  const title = document.createElement('h3');
  title.className = 'result-title';
  title.dir = 'auto';
  const link = document.createElement('a');
  link.href = view.href;
  link.textContent = view.title;
  link.setAttribute('data-result-link', '');
  link.setAttribute('aria-describedby', `${id}-who ${id}-excerpt`);
  title.append(link);

  const meta = document.createElement('p');
  meta.className = 'result-meta';
  if (view.show) meta.append(span(view.show, undefined, true));
  if (view.date) {
    const time = document.createElement('time');
    time.dateTime = view.date.iso;
    time.textContent = view.date.label;
    meta.append(time);
  }

  const who = document.createElement('p');
  who.className = 'result-who';
  who.id = `${id}-who`;
  if (view.kind === 'episode') {
    who.classList.add('for-episode');
    who.append(span('Episode', 'role'));
    if (view.people) {
      const people = span('with ', 'people');
      people.append(span(view.people, undefined, true));
      who.append(people);
    }
  } else if (view.kind === 'topic') {
    who.classList.add('for-episode');
    who.append(span('Topic', 'role'));
  } else {
    who.append(view.speaker ? span(view.speaker, 'speaker', true) : span('Unattributed', 'speaker unknown'));
    if (view.stamp) who.append(span(view.stamp, 'stamp'));
  }

  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  excerpt.id = `${id}-excerpt`;
  excerpt.dir = 'auto';
  for (const part of view.excerpt) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(document.createTextNode(part.text));
    }
  }

  li.append(title, meta, who, excerpt);
  return li;
}

/** One entry of the strip: a link to a topic or episode page, named by its kind and title. */
function pageLink(view: ResultView): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `search-page-link is-${view.kind}`;
  const a = document.createElement('a');
  a.href = view.href;
  a.setAttribute('data-search-page', view.kind);
  a.append(span(view.kind === 'topic' ? 'Topic' : 'Episode', 'role'), ' ', span(view.title, 'page-title', true));
  li.append(a);
  return li;
}

/** A span of text; `isolated` (dir=auto) for names and titles from content, so their bidirectional controls stay inside. */
function span(text: string, className?: string, isolated = false): HTMLSpanElement {
  const s = document.createElement('span');
  if (className) s.className = className;
  if (isolated) s.dir = 'auto';
  s.textContent = text;
  return s;
}

function quoted(text: string, tag: 'strong' | 'del'): HTMLElement {
  const node = document.createElement(tag === 'del' ? 'span' : 'strong');
  if (tag === 'del') node.className = 'typed';
  node.textContent = `“${text}”`;
  return node;
}

function joinNodes(nodes: HTMLElement[]): (HTMLElement | string)[] {
  return nodes.flatMap((node, i) => (i === 0 ? [node] : [', ', node]));
}

function emptyDictionary(): SearchDictionary {
  return { version: 2, names: '', words: [], complete: false, variants: {}, suggestions: [] };
}
