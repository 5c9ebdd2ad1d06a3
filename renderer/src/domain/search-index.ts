/**
 * The catalog's search, as a pure in-memory token index: every keystroke is answered from here (in the search
 * worker), never by reading tables. Words are folded (case, accents, ł ø ß æ …) and matched by prefix; a film
 * matches when every query word is the prefix of some word of the film. Design, ranking and figures: docs/search.md.
 */
import { filmSortKey } from './film';
import { queryWords, tokenize } from './search-words';

/** The words the index is built from (tests/bench/search-engines.mjs feeds other engines the same words). */
export { queryWords, tokenize } from './search-words';

/** The text of a film that search looks at. `notes` are note bodies and viewings' notes. */
export interface SearchableFilm {
  title: string;
  originalTitle: string | null;
  directors: string[];
  cast: { name: string; role: string }[];
  tags: string[];
  notes: string[];
}

/** 0: every query word is in the title or original title; 1: the worst is in directors, cast or tags; 2: in notes. */
export type SearchRank = 0 | 1 | 2;

export interface SearchResultEntry {
  id: string;
  rank: SearchRank;
}

/**
 * Results best first, as two parallel typed arrays: cheaper to build than one object per film, and transferable
 * from a worker at no cost. `numbers` are film numbers (SearchIndex.filmId turns one into the film's id).
 */
export interface SearchResults {
  numbers: Int32Array;
  ranks: Uint8Array;
  /** The folded query words, for highlighting. */
  words: string[];
}

/** Where a word occurs in a film, as bits of a posting: the rank of a word is its lowest bit set. */
const IN_TITLE = 1;
const IN_PEOPLE = 2;
const IN_NOTES = 4;
const FIELD_BITS = 3;
/** Entries above this would not fit a posting in a small integer. */
const MAX_ENTRIES = 2 ** 27;
/** Recent postings are merged once there are this many (and half as many as merged ones). */
const MIN_MERGE = 65_536;
/** Result groups: rank (0–2) × 32 + title words missed (0–31). */
const GROUPS = 96;
/** Below this many new entries a sorted list takes them by binary insertion; above, by one sort and merge. */
const INSERT_ONE_BY_ONE = 64;

/** First index in sorted `list` whose item is not before `value` by `before`. */
function lowerBound<T, V>(list: ArrayLike<T>, value: V, before: (item: T, value: V) => boolean, low = 0, high = list.length): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(list[middle] as T, value)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `list` (sorted) with `added` (unsorted) in order: inserted one by one when few, else one sort and a merge. */
function withSorted<T>(list: T[], added: T[], compare: (a: T, b: T) => number): T[] {
  if (added.length <= INSERT_ONE_BY_ONE) {
    for (const item of added) list.splice(lowerBound(list, item, (a, b) => compare(a, b) < 0), 0, item);
    return list;
  }
  added.sort(compare);
  const merged = new Array<T>(list.length + added.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < merged.length; k++) {
    merged[k] = j >= added.length || (i < list.length && compare(list[i] as T, added[j] as T) <= 0) ? (list[i++] as T) : (added[j++] as T);
  }
  return merged;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A run of the sorted words (those starting with a query word) and how many postings they hold. */
interface WordRange {
  from: number;
  to: number;
  postings: number;
}

/**
 * The index. A film has a stable number (what results carry, reused after a film is removed) and, each time it is
 * set, a new entry; postings are `entry × 8 + field bits`, and since entries only grow, appending keeps every word's
 * postings in order. They live in two layers: `merged`, one typed array for all words (compact, and nothing for
 * the garbage collector to walk), and `recent`, small arrays per word for what was set since; the layers are
 * merged when recent grows to half of merged, which also drops the postings of replaced and removed films.
 */
export class SearchIndex {
  private readonly numberOf = new Map<string, number>();
  private readonly idOfNumber: (string | undefined)[] = [];
  private readonly entryOfNumber: number[] = [];
  private readonly freeNumbers: number[] = [];
  /** By entry: the film's number, or -1 once the entry is replaced or removed; and its title's sort key. */
  private numberOfEntry = new Int32Array(1024);
  private readonly titleKeyOfEntry: string[] = [];
  private entries = 0;
  private deadEntries = 0;

  private readonly wordIdOf = new Map<string, number>();
  private readonly wordOfId: string[] = [];
  /** Words in code-unit order with their ids; `newWordIds` are not in them yet. */
  private sortedWords: string[] = [];
  private sortedWordIds: number[] = [];
  private newWordIds: number[] = [];

  /** Word `id`'s merged postings are merged[mergedStart[id] … mergedStart[id + 1]) for ids below mergedWords. */
  private mergedStart = new Int32Array(1);
  private merged = new Int32Array(0);
  private mergedWords = 0;
  private recent: (number[] | undefined)[] = [];
  private recentCount = 0;

  /** Entries in title order (dead ones too, until a merge), and each entry's place in it. */
  private byTitle: number[] = [];
  private newTitles: number[] = [];
  private titlePlace = new Int32Array(0);
  private titlePlaceStale = false;

  /** Query scratch, by entry: field bits found (all zero between queries), and the entries touched. */
  private bits = new Uint8Array(0);
  private touched = new Int32Array(0);

  /** `mergeAt`: how many recent postings start a merge at least (tests make it small to exercise merging). */
  constructor(private readonly options: { mergeAt?: number } = {}) {}

  /** How many films the index holds. */
  get size(): number {
    return this.numberOf.size;
  }

  has(filmId: string): boolean {
    return this.numberOf.has(filmId);
  }

  /** The ids of the films the index holds. */
  filmIds(): IterableIterator<string> {
    return this.numberOf.keys();
  }

  /** The number results give a film (stable while the film is in the index), or undefined. */
  filmNumber(filmId: string): number | undefined {
    return this.numberOf.get(filmId);
  }

  /** The film a number stands for, or undefined when none does now. */
  filmId(number: number): string | undefined {
    return this.idOfNumber[number];
  }

  /** Adds a film, or replaces everything known about it. */
  set(filmId: string, film: SearchableFilm): void {
    let number = this.numberOf.get(filmId);
    if (number === undefined) {
      number = this.freeNumbers.pop() ?? this.idOfNumber.length;
      this.numberOf.set(filmId, number);
      this.idOfNumber[number] = filmId;
    } else this.retire(this.entryOfNumber[number] as number);
    const entry = this.entries++;
    if (entry >= MAX_ENTRIES) throw new RangeError('The search index has run out of entries.');
    if (entry >= this.numberOfEntry.length) {
      const grown = new Int32Array(this.numberOfEntry.length * 2);
      grown.set(this.numberOfEntry);
      this.numberOfEntry = grown;
    }
    this.numberOfEntry[entry] = number;
    this.entryOfNumber[number] = entry;
    this.titleKeyOfEntry[entry] = filmSortKey(film.title);
    this.newTitles.push(entry);

    const posting = entry * 8;
    const add = (text: string | null, bit: number) => {
      if (!text) return;
      for (const word of tokenize(text)) {
        let id = this.wordIdOf.get(word);
        if (id === undefined) {
          id = this.wordOfId.length;
          // A copy, so that a long word cut from a note does not keep the whole note in memory as its key.
          const key = word.length > 12 ? [...word].join('') : word;
          this.wordIdOf.set(key, id);
          this.wordOfId.push(key);
          this.newWordIds.push(id);
        }
        const recent = this.recent[id];
        // This film's entry is the highest, so a word it already has is the last posting: add the field's bit.
        const last = recent === undefined ? -1 : recent.length - 1;
        if (recent !== undefined && ((recent[last] as number) & ~7) === posting) recent[last] = (recent[last] as number) | bit;
        else {
          if (recent === undefined) this.recent[id] = [posting | bit];
          else recent.push(posting | bit);
          this.recentCount += 1;
        }
      }
    };
    add(film.title, IN_TITLE);
    add(film.originalTitle, IN_TITLE);
    for (const name of film.directors) add(name, IN_PEOPLE);
    for (const member of film.cast) {
      add(member.name, IN_PEOPLE);
      add(member.role, IN_PEOPLE);
    }
    for (const tag of film.tags) add(tag, IN_PEOPLE);
    for (const note of film.notes) add(note, IN_NOTES);
    if (this.recentCount > Math.max(this.options.mergeAt ?? MIN_MERGE, this.merged.length >> 1)) this.mergePostings();
  }

  /** Forgets a film; nothing happens for one the index does not hold. */
  remove(filmId: string): void {
    const number = this.numberOf.get(filmId);
    if (number === undefined) return;
    this.retire(this.entryOfNumber[number] as number);
    this.numberOf.delete(filmId);
    this.idOfNumber[number] = undefined;
    this.freeNumbers.push(number);
  }

  private retire(entry: number): void {
    this.numberOfEntry[entry] = -1;
    this.deadEntries += 1;
  }

  /**
   * Brings the sorted lists up to date with what was set and removed. Queries call it; calling it after a batch of
   * changes keeps that work off the next keystroke.
   */
  flush(): void {
    if (this.deadEntries > (this.options.mergeAt ?? MIN_MERGE) / 64 && this.deadEntries * 4 > this.entries) this.mergePostings();
    if (this.newWordIds.length > 0) {
      const words = this.wordOfId;
      if (this.newWordIds.length > INSERT_ONE_BY_ONE) {
        this.sortedWordIds = withSorted(this.sortedWordIds, this.newWordIds, (a, b) => compareStrings(words[a] as string, words[b] as string));
        this.sortedWords = this.sortedWordIds.map((id) => words[id] as string);
      } else {
        for (const id of this.newWordIds) {
          const at = lowerBound(this.sortedWords, words[id] as string, (word, value) => word < value);
          this.sortedWords.splice(at, 0, words[id] as string);
          this.sortedWordIds.splice(at, 0, id);
        }
      }
      this.newWordIds = [];
    }
    if (this.newTitles.length > 0) {
      const keys = this.titleKeyOfEntry;
      this.byTitle = withSorted(this.byTitle, this.newTitles, (a, b) => compareStrings(keys[a] as string, keys[b] as string) || a - b);
      this.newTitles = [];
      this.titlePlaceStale = true;
    }
  }

  /** Moves recent postings into `merged`, leaving out those of replaced and removed films and words left empty. */
  private mergePostings(): void {
    const words = this.wordOfId.length;
    const alive = this.numberOfEntry;
    const start = new Int32Array(words + 1);
    const each = (id: number, visit: (posting: number) => void) => {
      if (id < this.mergedWords) {
        for (let k = this.mergedStart[id] as number, end = this.mergedStart[id + 1] as number; k < end; k++) visit(this.merged[k] as number);
      }
      for (const posting of this.recent[id] ?? []) visit(posting);
    };
    for (let id = 0; id < words; id++) {
      let count = 0;
      each(id, (posting) => (count += (alive[posting >>> FIELD_BITS] as number) >= 0 ? 1 : 0));
      start[id + 1] = (start[id] as number) + count;
      if (count === 0 && this.wordIdOf.get(this.wordOfId[id] as string) === id) this.wordIdOf.delete(this.wordOfId[id] as string);
    }
    const merged = new Int32Array(start[words] as number);
    for (let id = 0, at = 0; id < words; id++) each(id, (posting) => (alive[posting >>> FIELD_BITS] as number) >= 0 && (merged[at++] = posting));
    this.merged = merged;
    this.mergedStart = start;
    this.mergedWords = words;
    // As long as the words, so that new words' ids append to it (writing far past its end would make it sparse).
    this.recent = Array.from({ length: words }, () => undefined);
    this.recentCount = 0;
    if (this.deadEntries > 0) {
      const gone = (id: number) => this.wordIdOf.get(this.wordOfId[id] as string) !== id;
      this.sortedWords = this.sortedWords.filter((_, at) => !gone(this.sortedWordIds[at] as number));
      this.sortedWordIds = this.sortedWordIds.filter((id) => !gone(id));
      this.newWordIds = this.newWordIds.filter((id) => !gone(id));
      for (const entry of this.byTitle) if ((alive[entry] as number) < 0) this.titleKeyOfEntry[entry] = '';
      this.byTitle = this.byTitle.filter((entry) => (alive[entry] as number) >= 0);
      this.newTitles = this.newTitles.filter((entry) => (alive[entry] as number) >= 0);
      this.titlePlaceStale = true;
      this.deadEntries = 0;
    }
  }

  /** The films matching every word of `text`, best first with their ranks (see `search`). */
  query(text: string): SearchResultEntry[] {
    const { numbers, ranks } = this.search(text);
    return Array.from(numbers, (number, index) => ({ id: this.idOfNumber[number] as string, rank: ranks[index] as SearchRank }));
  }

  /**
   * The films where every query word is the prefix of one of their words, best first: by rank (each query word's
   * best field — title, then directors/cast/tags, then notes — and a film's rank is its worst word's), then by how
   * many query words are in the title (more first), then by title as the Library sorts it.
   */
  search(text: string): SearchResults {
    const words = queryWords(text);
    const none: SearchResults = { numbers: new Int32Array(0), ranks: new Uint8Array(0), words };
    if (words.length === 0) return none;
    this.flush();
    const ranges = words.map((word) => this.range(word)).sort((a, b) => a.postings - b.postings);
    if (ranges.some((range) => range.postings === 0)) return none;
    if (this.bits.length < this.entries) {
      this.bits = new Uint8Array(this.numberOfEntry.length);
      this.touched = new Int32Array(this.numberOfEntry.length);
    }
    const { bits, touched } = this;
    const [rarest, ...others] = ranges as [WordRange, ...WordRange[]];

    let count = this.scan(rarest);
    const films = new Int32Array(count);
    const worst = new Uint8Array(count);
    const titleHits = new Uint8Array(count);
    let found = 0;
    for (let i = 0; i < count; i++) {
      const entry = touched[i] as number;
      const firstBits = bits[entry] as number;
      bits[entry] = 0;
      if ((this.numberOfEntry[entry] as number) < 0) continue;
      films[found] = entry;
      worst[found] = rankOf(firstBits);
      titleHits[found++] = firstBits & IN_TITLE;
    }
    for (const range of others) {
      // Few candidates against many postings: look each one up; otherwise one scan of the word's postings.
      const lookUp = found * (range.to - range.from) * 20 < range.postings;
      count = lookUp ? 0 : this.scan(range);
      let kept = 0;
      for (let i = 0; i < found; i++) {
        const entry = films[i] as number;
        const wordBits = lookUp ? this.lookUp(range, entry) : (bits[entry] as number);
        if (wordBits === 0) continue;
        films[kept] = entry;
        worst[kept] = Math.max(worst[i] as number, rankOf(wordBits));
        titleHits[kept++] = (titleHits[i] as number) + (wordBits & IN_TITLE);
      }
      for (let i = 0; i < count; i++) bits[touched[i] as number] = 0;
      found = kept;
      if (found === 0) return none;
    }
    return this.ordered(films.subarray(0, found), worst, titleHits, words);
  }

  /** The sorted words starting with `prefix`, and how many postings they hold. */
  private range(prefix: string): WordRange {
    const from = lowerBound(this.sortedWords, prefix, (word, value) => word < value);
    let to = from;
    let postings = 0;
    for (; to < this.sortedWords.length && (this.sortedWords[to] as string).startsWith(prefix); to++) {
      const id = this.sortedWordIds[to] as number;
      if (id < this.mergedWords) postings += (this.mergedStart[id + 1] as number) - (this.mergedStart[id] as number);
      postings += this.recent[id]?.length ?? 0;
    }
    return { from, to, postings };
  }

  /** ORs the field bits of every posting in `range` into `bits`; lists each entry touched once in `touched`. */
  private scan(range: WordRange): number {
    const { bits, touched, merged, mergedStart } = this;
    let count = 0;
    const visit = (posting: number) => {
      const entry = posting >>> FIELD_BITS;
      if (bits[entry] === 0) touched[count++] = entry;
      bits[entry] = (bits[entry] as number) | (posting & 7);
    };
    for (let w = range.from; w < range.to; w++) {
      const id = this.sortedWordIds[w] as number;
      if (id < this.mergedWords) for (let k = mergedStart[id] as number, end = mergedStart[id + 1] as number; k < end; k++) visit(merged[k] as number);
      const recent = this.recent[id];
      if (recent !== undefined) for (const posting of recent) visit(posting);
    }
    return count;
  }

  /** An entry's field bits for the words of `range`, by binary search in each word's postings. */
  private lookUp(range: WordRange, entry: number): number {
    const low = entry * 8;
    const before = (posting: number, value: number) => posting < value;
    let found = 0;
    for (let w = range.from; w < range.to; w++) {
      const id = this.sortedWordIds[w] as number;
      if (id < this.mergedWords) {
        const end = this.mergedStart[id + 1] as number;
        const at = lowerBound(this.merged, low, before, this.mergedStart[id] as number, end);
        if (at < end && (this.merged[at] as number) >>> FIELD_BITS === entry) found |= (this.merged[at] as number) & 7;
      }
      const recent = this.recent[id];
      if (recent !== undefined) {
        const posting = recent[lowerBound(recent, low, before)];
        if (posting !== undefined && posting >>> FIELD_BITS === entry) found |= posting & 7;
      }
    }
    return found;
  }

  /**
   * Results in order of (rank, fewer title hits, title). Many results: one pass over the films in title order,
   * dealing them into their groups. Few: one number per film (group × 2³² + place in title order), sorted natively.
   */
  private ordered(films: Int32Array, worst: Uint8Array, titleHits: Uint8Array, words: string[]): SearchResults {
    const groupOf = (index: number) => (worst[index] as number) * 32 + 31 - Math.min(31, titleHits[index] as number);
    const order = new Int32Array(films.length);
    const ranks = new Uint8Array(films.length);
    if (films.length * 16 > this.byTitle.length) {
      const starts = new Int32Array(GROUPS + 1);
      films.forEach((entry, index) => {
        const group = groupOf(index);
        this.bits[entry] = group + 1;
        starts[group + 1] = (starts[group + 1] as number) + 1;
      });
      for (let group = 0; group < GROUPS; group++) starts[group + 1] = (starts[group + 1] as number) + (starts[group] as number);
      for (const entry of this.byTitle) {
        const group = this.bits[entry] as number;
        if (group === 0) continue;
        this.bits[entry] = 0;
        const at = starts[group - 1] as number;
        order[at] = entry;
        ranks[at] = (group - 1) >> 5;
        starts[group - 1] = at + 1;
      }
    } else {
      if (this.titlePlaceStale || this.titlePlace.length < this.entries) {
        if (this.titlePlace.length < this.entries) this.titlePlace = new Int32Array(this.numberOfEntry.length);
        this.byTitle.forEach((entry, place) => (this.titlePlace[entry] = place));
        this.titlePlaceStale = false;
      }
      const PLACES = 2 ** 32;
      const keys = Float64Array.from(films, (entry, index) => groupOf(index) * PLACES + (this.titlePlace[entry] as number));
      keys.sort();
      keys.forEach((key, index) => {
        order[index] = this.byTitle[key % PLACES] as number;
        ranks[index] = Math.floor(key / PLACES) >> 5;
      });
    }
    const numbers = order.map((entry) => this.numberOfEntry[entry] as number);
    return { numbers, ranks, words };
  }
}

/** 0 for a word found in a title, 1 in people or tags, 2 only in notes. */
function rankOf(bits: number): number {
  return bits & IN_TITLE ? 0 : bits & IN_PEOPLE ? 1 : 2;
}
