/**
 * Which search engine Cinefile's search worker should use, by the figures (docs/search.md): MiniSearch, FlexSearch
 * and Cinefile's own token index (renderer/src/domain/search-index.ts), over the same 100,000 synthetic films
 * (2–5-word titles, 1–3 directors, 10 cast members with roles, tags, 0–2 notes of ~300 characters), with the same
 * folding and word splitting. Per engine, in its own Node process (so heaps do not mix): build time, heap after
 * build, query p50/p95 over 50 prefix queries (1–3 words, the last one partial), replacing one film. It also
 * measures posting 100,000 result ids from a worker (worker_threads, the same structured clone as a Web Worker).
 *
 * Nothing is installed into the project: MiniSearch and FlexSearch are imported from a temporary folder —
 *   npm install --prefix /tmp/search-engines minisearch flexsearch
 * and Cinefile's index is bundled with the project's own rolldown (Vite's bundler) into a temporary file.
 * Usage: node tests/bench/search-engines.mjs [films=100000] [engine …]   (engines: cinefile minisearch flexsearch)
 *        node tests/bench/search-engines.mjs --browser [films=100000]   (the real worker in Debian's Chromium)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const ENGINES_DIR = process.env.SEARCH_ENGINES_DIR ?? '/tmp/search-engines';
const root = fileURLToPath(new URL('../..', import.meta.url));
const QUERIES = 50;
const UPDATES = 200;
const ROUNDS = 5;

// ---------------------------------------------------------------------------------------------------------------
// Synthetic films, the same in every process (a seeded generator).

function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  /** Zipf-like: small indexes much more often, as words in real text. */
  const zipf = (n) => Math.floor(n ** next()) - 1;
  const pick = (list) => list[int(list.length)];
  return { next, int, zipf, pick };
}

const SYLLABLES = 'ka lo mi ra ne to su vi da re ma no li sa te ko be ri an el or un is ar en ol ga fe ju po ze ch sh ll ss'.split(' ');
const ACCENTED = ['é', 'ł', 'ø', 'ü', 'ß', 'æ', 'ñ', 'ó', 'č', 'ž'];

function vocabulary(random, size, minSyllables, maxSyllables, accentRate = 0) {
  const words = new Set();
  while (words.size < size) {
    let word = '';
    const length = minSyllables + random.int(maxSyllables - minSyllables + 1);
    for (let i = 0; i < length; i++) word += random.pick(SYLLABLES);
    if (random.next() < accentRate) {
      const at = random.int(word.length);
      word = word.slice(0, at) + random.pick(ACCENTED) + word.slice(at + 1);
    }
    words.add(word);
  }
  return [...words];
}

const capital = (word) => word[0].toUpperCase() + word.slice(1);

export function syntheticFilms(count, seed = 20261129) {
  const random = generator(seed);
  const titleWords = vocabulary(random, 4000, 1, 3);
  const firstNames = vocabulary(random, 800, 2, 3, 0.1);
  const surnames = vocabulary(random, 30000, 2, 4, 0.15);
  const roleWords = vocabulary(random, 600, 2, 3);
  const noteWords = vocabulary(random, 8000, 1, 4);
  const tags = vocabulary(random, 150, 2, 3);
  const person = () => {
    const surname = capital(surnames[random.zipf(surnames.length)]);
    const double = random.next() < 0.05 ? `-${capital(random.pick(surnames))}` : '';
    return `${capital(random.pick(firstNames))} ${surname}${double}`;
  };
  const note = () => {
    let text = '';
    while (text.length < 300) text += (text === '' ? '' : random.next() < 0.1 ? '. ' : ' ') + noteWords[random.zipf(noteWords.length)];
    return text;
  };
  const films = [];
  for (let i = 0; i < count; i++) {
    const titleLength = 2 + random.int(4);
    const title = Array.from({ length: titleLength }, () => capital(titleWords[random.zipf(titleWords.length)])).join(' ');
    films.push({
      id: `film-${i.toString(36).padStart(6, '0')}-${random.int(1e9).toString(36)}`,
      title,
      originalTitle: random.next() < 0.2 ? capital(titleWords[random.int(titleWords.length)]) : null,
      directors: Array.from({ length: 1 + random.int(3) }, person),
      cast: Array.from({ length: 10 }, () => ({ name: person(), role: random.next() < 0.1 ? 'Himself' : `${capital(random.pick(roleWords))} ${capital(random.pick(firstNames))}` })),
      tags: Array.from({ length: random.int(4) }, () => random.pick(tags)),
      notes: Array.from({ length: random.int(3) }, note),
    });
  }
  // Flat strings, as read from IndexedDB (built by concatenation they would be ropes, flattened during the build).
  return JSON.parse(JSON.stringify(films));
}

/** 1–3 words from one film's title, people or notes, as someone types them: the last one cut short. */
export function syntheticQueries(films, tokenize, count, seed = 7) {
  const random = generator(seed);
  const queries = [];
  while (queries.length < count) {
    const film = random.pick(films);
    const source = random.next();
    const text = source < 0.5 ? film.title : source < 0.9 ? [...film.directors, ...film.cast.map((member) => member.name)].join(' ') : film.notes.join(' ');
    const words = tokenize(text);
    if (words.length === 0) continue;
    const length = 1 + random.int(Math.min(3, words.length));
    const start = random.int(words.length - length + 1);
    const chosen = words.slice(start, start + length);
    const last = chosen[chosen.length - 1];
    chosen[chosen.length - 1] = last.slice(0, Math.max(1, 1 + random.int(last.length)));
    queries.push(chosen.join(' '));
  }
  return queries;
}

// ---------------------------------------------------------------------------------------------------------------
// The engines, behind one shape: build(films), query(text) → number of hits, update(film).

/** Bundles search-index.ts (and what it imports) with the project's rolldown into a temporary ES module. */
async function bundleCinefileIndex() {
  const { build } = await import('rolldown');
  const file = join(mkdtempSync(join(tmpdir(), 'cinefile-search-')), 'search-index.mjs');
  await build({ input: join(root, 'renderer/src/domain/search-index.ts'), output: { file, format: 'esm' }, logLevel: 'silent' });
  return file;
}

async function importEngine(name) {
  const path = join(ENGINES_DIR, 'node_modules', name);
  if (!existsSync(path)) {
    console.error(`${name} is not installed where this benchmark looks for it. Install it outside the project with:\n` +
      `  npm install --prefix ${ENGINES_DIR} minisearch flexsearch\n(or set SEARCH_ENGINES_DIR to another folder).`);
    process.exit(2);
  }
  const url = pathToFileURL(join(path, name === 'minisearch' ? 'dist/es/index.js' : 'dist/flexsearch.bundle.module.min.mjs')).href;
  return import(url);
}

const peopleText = (film) => [...film.directors, ...film.cast.flatMap((member) => [member.name, member.role]), ...film.tags].join(' \n ');

async function engine(name, cinefile) {
  const { tokenize } = cinefile;
  if (name === 'cinefile') {
    const { SearchIndex } = cinefile;
    const index = new SearchIndex();
    return {
      build(films) {
        for (const film of films) index.set(film.id, film);
        index.flush();
      },
      query: (text) => index.search(text).numbers.length,
      update(film) {
        index.set(film.id, film);
        index.flush();
      },
    };
  }
  if (name === 'minisearch') {
    const { default: MiniSearch } = await importEngine('minisearch');
    const index = new MiniSearch({
      fields: ['title', 'people', 'notes'],
      tokenize,
      processTerm: (term) => term,
      searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 4, people: 2 } },
    });
    const documentOf = (film) => ({ id: film.id, title: `${film.title} \n ${film.originalTitle ?? ''}`, people: peopleText(film), notes: film.notes.join(' \n ') });
    return {
      build(films) {
        index.addAll(films.map(documentOf));
      },
      query: (text) => index.search(text).length,
      update: (film) => index.replace(documentOf(film)),
    };
  }
  if (name === 'flexsearch') {
    const { Document } = await importEngine('flexsearch');
    const field = (name) => ({ field: name, tokenize: 'forward', encode: tokenize });
    const index = new Document({ document: { id: 'id', index: [field('title'), field('people'), field('notes')] }, fastupdate: true });
    const documentOf = (film) => ({ id: film.id, title: `${film.title} \n ${film.originalTitle ?? ''}`, people: peopleText(film), notes: film.notes.join(' \n ') });
    const fields = ['title', 'people', 'notes'];
    return {
      build(films) {
        for (const film of films) index.add(documentOf(film));
      },
      // FlexSearch ANDs the words within one field; Cinefile's rule (every word anywhere, ranked by its best
      // field) needs each word looked up in each field and the sets combined, as here.
      query(text) {
        let best = null;
        for (const word of [...new Set(tokenize(text))]) {
          const found = new Map();
          fields.forEach((name, rank) => {
            for (const id of index.search(word, { index: name, limit: 1e6 })[0]?.result ?? []) if (!found.has(id)) found.set(id, rank);
          });
          if (best === null) best = found;
          else {
            for (const [id, rank] of best) {
              if (found.has(id)) best.set(id, Math.max(rank, found.get(id)));
              else best.delete(id);
            }
          }
        }
        return best === null ? 0 : best.size;
      },
      update: (film) => index.update(documentOf(film)),
    };
  }
  throw new Error(`unknown engine ${name}`);
}

// ---------------------------------------------------------------------------------------------------------------
// `--browser`: the real search worker (search-client.ts → search.worker.ts) in Chromium over a disk-backed
// IndexedDB: the build from the catalog after a cold start, keystroke round trips, and a write reaching the index.

/** A page that exposes the app's database and search client, built with Vite into a temporary folder. */
async function buildSearchPage() {
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'cinefile-search-page-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>search bench</title><script type="module" src="./main.ts"></script>');
  writeFileSync(join(dir, 'main.ts'), [
    `import { db } from '${join(root, 'renderer/src/db/index.ts')}';`,
    `import { onSearchIndexChanged, searchFilms, startSearchIndex } from '${join(root, 'renderer/src/workers/search-client.ts')}';`,
    'Object.assign(window, { searchBench: { db, onSearchIndexChanged, searchFilms, startSearchIndex } });',
    // The worker's own account of its first build ('ready': build, read and index times).
    'const NativeWorker = window.Worker;',
    'window.Worker = class extends NativeWorker { constructor(...args) { super(...args); this.addEventListener("message", (event) => { if (event.data.type === "ready") window.searchBench.ready = event.data; }); } };',
  ].join('\n'));
  await build({ root: dir, configFile: false, logLevel: 'warn', build: { outDir: join(dir, 'out'), target: 'es2022' } });
  return dir;
}

/** Film records as the app stores them (with a 900-character overview, as in LIMITS.md), and their notes. */
function catalogRecords(films) {
  const time = '2026-11-29T12:00:00.000Z';
  const notes = [];
  const records = films.map((film, index) => {
    film.notes.forEach((body, n) => notes.push({ id: `${film.id}-note-${n}`, filmId: film.id, body, createdAt: time, updatedAt: time }));
    return {
      id: film.id, title: film.title, originalTitle: film.originalTitle, directors: film.directors, cast: film.cast, tags: film.tags, year: 1900 + (index % 126), genres: ['Drama'], runtimeMinutes: 95, country: null, language: null,
      overview: `${film.title}. ${film.notes[0] ?? ''} `.repeat(8).slice(0, 900), tagline: null, sections: [], poster: null,
      rating: null, watchlist: false, favourite: false, sortTitle: film.title.toLowerCase(), titleKeys: [], externalIds: [],
      createdAt: time, updatedAt: time,
    };
  });
  return { records, notes };
}

async function measureInChromium(count) {
  const { chromium } = await import('playwright-core');
  const { preview } = await import('vite');
  const dir = await buildSearchPage();
  const server = await preview({ root: dir, configFile: false, logLevel: 'warn', build: { outDir: join(dir, 'out') }, preview: { host: '127.0.0.1', port: 4397, strictPort: false } });
  const url = server.resolvedUrls.local[0];
  const profile = mkdtempSync(join(tmpdir(), 'cinefile-search-profile-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(url);
    await page.waitForFunction(() => 'searchBench' in window);
    return { context, page };
  };
  try {
    const films = syntheticFilms(count);
    const bundle = await bundleCinefileIndex();
    const { tokenize } = await import(pathToFileURL(bundle).href);
    rmSync(dirname(bundle), { recursive: true, force: true });
    const queries = syntheticQueries(films, tokenize, QUERIES);
    const { records, notes } = catalogRecords(films);
    let { context, page } = await launch();
    await page.evaluate(() => window.searchBench.db.open());
    for (const [store, rows] of [['films', records], ['notes', notes]]) {
      for (let start = 0; start < rows.length; start += 5000) {
        await page.evaluate(
          ([name, batch]) =>
            new Promise((resolve, reject) => {
              const tx = window.searchBench.db.backendDB().transaction(name, 'readwrite');
              for (const row of batch) tx.objectStore(name).put(row);
              tx.oncomplete = resolve;
              tx.onerror = () => reject(tx.error);
            }),
          [store, rows.slice(start, start + 5000)],
        );
      }
    }
    await context.close();
    // What reading alone costs: every film and note in pages of 2,000 by primary key, on the main thread, as the
    // worker reads them. The first start after writing so much also pays for the storage engine compacting it.
    const pagedRead = async () => {
      ({ context, page } = await launch());
      const ms = await page.evaluate(async () => {
        const { db } = window.searchBench;
        await db.open();
        const start = performance.now();
        for (const table of [db.notes, db.films]) {
          let last;
          for (;;) {
            const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(2000).toArray();
            if (page.length < 2000) break;
            last = page.at(-1).id;
          }
        }
        return performance.now() - start;
      });
      await context.close();
      return Math.round(ms);
    };
    const firstRead = await pagedRead();
    const secondRead = await pagedRead();
    // A cold start: a new browser process opens the catalog, then starts the search worker.
    ({ context, page } = await launch());
    const build = await page.evaluate(async () => {
      const { db, searchFilms, startSearchIndex } = window.searchBench;
      await db.open();
      const start = performance.now();
      startSearchIndex();
      const hits = await searchFilms('zzzz');
      return { ms: performance.now() - start, hits: hits.ids.length, worker: window.searchBench.ready };
    });
    const rounds = await page.evaluate(async ([asked, rounds]) => {
      const times = asked.map(() => Infinity);
      let hits = 0;
      for (let round = 0; round < rounds; round++) {
        for (const [index, query] of asked.entries()) {
          const start = performance.now();
          const found = await window.searchBench.searchFilms(query);
          times[index] = Math.min(times[index], performance.now() - start);
          if (round === 0) hits += found.ids.length;
        }
      }
      return { times, hits };
    }, [queries, ROUNDS]);
    const update = await page.evaluate(async (films) => {
      const { db, onSearchIndexChanged, searchFilms } = window.searchBench;
      const times = [];
      for (const film of films) {
        const changed = new Promise((resolve) => {
          const off = onSearchIndexChanged(() => {
            off();
            resolve();
          });
        });
        const start = performance.now();
        await db.films.update(film.id, { title: `${film.title} Redux` });
        await changed;
        await searchFilms('redux');
        times.push(performance.now() - start);
      }
      return times;
    }, films.slice(0, 20).map(({ id, title }) => ({ id, title })));
    await context.close();
    return {
      engine: 'cinefile in Chromium (search worker, IndexedDB on disk)', films: count, notes: notes.length,
      paged_read_first_cold_ms: firstRead, paged_read_cold_ms: secondRead, chromium_worker_build_ms: Math.round(build.ms),
      worker_build_ms: build.worker?.buildMs, worker_read_ms: build.worker?.readMs, worker_index_ms: build.worker?.indexMs,
      query_round_trip_p50_ms: round(percentile(rounds.times, 0.5)), query_round_trip_p95_ms: round(percentile(rounds.times, 0.95)),
      mean_hits: Math.round(rounds.hits / queries.length),
      write_to_new_results_p50_ms: round(percentile(update, 0.5)), write_to_new_results_p95_ms: round(percentile(update, 0.95)),
    };
  } finally {
    await new Promise((resolve) => server.httpServer.close(resolve));
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length - 1) * p))];
const round = (value, digits = 2) => Number(value.toFixed(digits));

function heapMb() {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
}

async function measureEngine(name, count, bundle) {
  const cinefile = await import(pathToFileURL(bundle).href);
  const films = syntheticFilms(count);
  const queries = syntheticQueries(films, cinefile.tokenize, QUERIES);
  const subject = await engine(name, cinefile);
  const before = heapMb();
  const cpuBefore = process.cpuUsage();
  let start = performance.now();
  subject.build(films);
  const buildMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const heap = heapMb() - before;

  // Each query ROUNDS times, keeping its fastest: the machine is shared, and a query pre-empted by another process
  // says nothing about the engine. The first round also warms up lazy work left from the build.
  const times = queries.map(() => Infinity);
  let hits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    queries.forEach((query, index) => {
      start = performance.now();
      const found = subject.query(query);
      times[index] = Math.min(times[index], performance.now() - start);
      if (round === 0) hits += found;
    });
  }
  const random = generator(99);
  const updates = [];
  for (let i = 0; i < UPDATES; i++) {
    const film = films[random.int(films.length)];
    const changed = { ...film, title: `${film.title} Redux${i}`, cast: [...film.cast.slice(1), { name: `Newcomer${i} Person`, role: 'Guest' }] };
    start = performance.now();
    subject.update(changed);
    updates.push(performance.now() - start);
  }
  return {
    engine: name, films: count,
    build_ms: Math.round(buildMs), build_cpu_ms: Math.round((cpu.user + cpu.system) / 1000), heap_mb: round(heap, 1),
    query_p50_ms: round(percentile(times, 0.5)), query_p95_ms: round(percentile(times, 0.95)), query_max_ms: round(Math.max(...times)),
    mean_hits: Math.round(hits / queries.length),
    update_p50_ms: round(percentile(updates, 0.5), 3), update_p95_ms: round(percentile(updates, 0.95), 3),
  };
}

/** Posting 100,000 ids from a worker thread to this one: an array of strings, one joined string, integers. */
async function measurePostMessage(count) {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const ids = Array.from({ length: ${count} }, (_, i) => 'f' + i.toString(16).padStart(7, '0') + '-4a3b-4c5d-9e8f-' + (i * 2654435761 % 2 ** 32).toString(16).padStart(12, '0'));
     parentPort.on('message', (kind) => {
       const sent = performance.now();
       if (kind === 'array') parentPort.postMessage({ sent, ids });
       else if (kind === 'joined') parentPort.postMessage({ sent, joined: ids.join('\\n') });
       else { const numbers = new Int32Array(${count}).map((_, i) => i); parentPort.postMessage({ sent, numbers }, [numbers.buffer]); }
     });`,
    { eval: true },
  );
  const once = (kind) =>
    new Promise((resolve) => {
      const start = performance.now();
      worker.once('message', (message) => {
        if (message.joined) message.joined.split('\n');
        resolve(performance.now() - start);
      });
      worker.postMessage(kind);
    });
  const figures = {};
  for (const kind of ['array', 'joined', 'numbers']) {
    const times = [];
    for (let i = 0; i < 15; i++) times.push(await once(kind));
    figures[`post_${count}_ids_${kind}_ms`] = round(percentile(times.slice(3), 0.5));
  }
  await worker.terminate();
  return figures;
}

async function main(args) {
  if (args[0] === '--child') {
    console.log(JSON.stringify(await measureEngine(args[1], Number(args[2]), args[3])));
    return;
  }
  if (args[0] === '--browser') {
    console.log(JSON.stringify({ date: new Date().toISOString(), load_average: loadavg().map((load) => round(load)), ...(await measureInChromium(Number(args[1] ?? 100_000))) }, null, 2));
    return;
  }
  const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 100_000);
  const names = args.filter((arg) => !/^\d+$/.test(arg));
  const bundle = await bundleCinefileIndex();
  const results = [];
  try {
    for (const name of names.length > 0 ? names : ['cinefile', 'minisearch', 'flexsearch']) {
      const child = [fileURLToPath(import.meta.url), '--child', name, String(count), bundle];
      const output = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', ...child], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const result = JSON.parse(output.trim().split('\n').at(-1));
      results.push(result);
      console.error(JSON.stringify(result));
    }
  } finally {
    rmSync(dirname(bundle), { recursive: true, force: true });
  }
  const post = await measurePostMessage(count);
  console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, load_average: loadavg().map((load) => round(load)), results, ...post }, null, 2));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
