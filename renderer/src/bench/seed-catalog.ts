/**
 * Bench builds only (`vite build --mode bench`, loaded by main.tsx): `window.__cinefileBench.seed(count)` writes a
 * synthetic catalog through the app's own Dexie instance, so the film-summaries middleware derives every summary and
 * its facets exactly as it does for real writes. The catalog is deterministic (a seeded PRNG per film), shaped like a
 * real one: titles of 1–5 words with accented names, 10 cast members, 1–3 directors, viewings with partial dates,
 * notes, tags, lists, copies and a few loans. tests/bench/run.mjs drives it; nothing in the shipped app imports it.
 */
import { db } from '../db/index';
import type { DeletedFilm } from '../db/films';
import { copyFormats, type Copy, type Loan } from '../domain/copy';
import { newFilmRecord, type CastMember } from '../domain/film';
import type { Annotation } from '../domain/annotation';
import type { FilmList, ListEntry } from '../domain/list';
import type { HalfStars } from '../domain/rating';
import { viewingMedia, type Viewing } from '../domain/viewing';

export interface SeedOptions {
  /** Films per transaction (each with its viewings, notes, list places, copies and loans). */
  batchSize?: number;
  /** The PRNG seed: the same seed and count give the same catalog. */
  seed?: number;
}

/** The tables a seed writes, each film's records with it. */
export type WrittenTable = 'films' | 'viewings' | 'notes' | 'listEntries' | 'copies' | 'loans';

export interface SeedResult {
  films: number;
  /** Time spent in the write transactions only (generation excluded). */
  ms: number;
  generateMs: number;
  viewings: number;
  notes: number;
  lists: number;
  listEntries: number;
  copies: number;
  loans: number;
  /** Of `ms`, the time until each table's bulkAdd settled (the commit is in `ms` only). */
  tableMs: Record<WrittenTable, number>;
}

export interface CinefileBench {
  seed(count: number, options?: SeedOptions): Promise<SeedResult>;
  /** `count` search queries a person might type, built from films of a catalog of `films` films. */
  queries(count: number, films: number, options?: Pick<SeedOptions, 'seed'>): string[];
}

declare global {
  interface Window {
    __cinefileBench?: CinefileBench;
  }
}

const DEFAULT_SEED = 20261129;
const DIRECTOR_POOL = 5_000;
const CAST_POOL = 50_000;
/** Films on lists are rare enough for ~20 lists of a few hundred films at 100,000. */
const LIST_SHARE = 0.08;

const words = (text: string): readonly string[] => text.trim().split(/\s+/);

const TITLE_WORDS = words(`
  night city river glass silent long road winter garden mirror last first red hot cold war summer autumn spring
  house home heart blood fire water stone iron golden black white blue green grey dark light shadow shadows
  morning evening midnight sunday monday daughter son mother father brother sister stranger strangers lovers
  children king queen man woman girl boy dog horse wolf bird birds angel devil saint sinner ghost ghosts
  journey return escape promise secret secrets letter letters song songs dance dancer story stories dream dreams
  memory memories time times day days year years life lives death love hate war peace sea ocean island mountain
  valley desert forest field fields street streets bridge station train harbour hotel tower castle village town
  paradise heaven hell world earth moon sun star stars sky rain snow storm wind thunder lightning fog smoke ashes
  wild quiet lonely lost found broken hidden burning falling rising wandering sleeping waking crying laughing
  little big great small tall old young new ancient modern secret final eternal endless sweet bitter strange
  empty full open closed distant near high deep far cruel gentle brave proud perfect simple hard soft
  Amélie Été Noël Café Déjà Señor Łódź München Zürich Søren Ångström Paris Berlin Tokyo Vienna Lisbon Warsaw Rome
  Kraków São Istanbul Cairo Havana Naples Marseille Bogotá Reykjavík Málaga Göteborg Brno Tbilisi Saigon
  Orphée Mélodie Bête Vérité Pâquerettes Fräulein Mädchen Straße Liebe Nacht Stunde Noche Amor Cielo Vida Muerte
  Notte Dolce Strada Città Amore Ciel Nuit Jour Femme Homme Enfants Été Hiver Printemps Rivière Étoile Tempête
  detective witness verdict crime murder heist robbery affair scandal conspiracy rebellion revolution empire
  frontier outlaw sheriff gunfighter samurai ronin shogun pilot sailor soldier spy agent doctor nurse teacher
  painter poet pianist singer actress writer thief liar witness hunter fisherman farmer miner priest nun
`);
const LEADING_ARTICLES = ['The', 'A', 'La', 'Le', 'Les', 'Der', 'Die', 'El', 'Il'];

const FIRST_NAMES = words(`
  Anna Maria Sofia Elena Laura Marta Clara Julia Eva Ida Ingrid Greta Liv Karin Agnès Amélie Zoë Renée Chloé
  Hélène Françoise Isabelle Catherine Juliette Béatrice Céline Monica Giulietta Silvana Claudia Anouk Romy Hanna
  Ewa Agnieszka Małgorzata Krystyna Żaneta Dorota Olga Tatiana Natalia Irina Vera Nastassja Ángela Lucía Pilar
  Carmen Inés Rocío Marisa Fernanda Beatriz Leonor Tilda Meryl Frances Gena Liv Setsuko Kinuyo Hideko Machiko
  Maggie Gong Zhang Michelle Isabella Gena Juliet Kristin Lea Adèle Noémie Sandrine Valeria Ornella Sabine
  John James Robert Michael William David Richard Thomas Charles Peter Paul Mark Daniel George Henry Jack
  Jean Pierre François Jacques Michel Gérard Alain Louis Étienne Rémi Benoît Jérôme André René Léon Aurélien
  Hans Klaus Jürgen Günter Armin Bruno Wim Werner Rainer Volker Mathieu Götz Ulrich Sepp Lars Mads Søren Bjørn
  Ingmar Max Erland Gunnar Aki Kari Jussi Andrzej Krzysztof Jerzy Zbigniew Wojciech Łukasz Paweł Kazimierz
  Marcello Vittorio Federico Luchino Michelangelo Roberto Toni Nanni Paolo Luis Pedro Carlos Fernando Javier
  Álvaro Joaquín Gael Diego Héctor Toshiro Takashi Tatsuya Chishū Akira Yasujirō Kenji Hirokazu Tony Chow
  Abbas Asghar Jafar Mohsen Nuri Bilge Ahmet Emir Dušan Miloš Jiří Béla István Miklós Andrei Sergei
  Oleg Nikita Aleksei Vladimir Konstantin Ivan Fyodor Yuri Boris Rutger Jeroen Carice Famke Mads Trine Ulrich
`);
const SURNAMES = words(`
  Żuławski Mueller-Stahl Kieślowski Wajda Polański Holland Skolimowski Has Kawalerowicz Munk Zanussi Łoziński
  Almodóvar Buñuel Saura Erice Medem Amenábar Bardem Cruz Maura Abril Banderas Núñez Peña Gómez Ibáñez Muñoz
  Truffaut Godard Varda Rohmer Rivette Chabrol Resnais Demy Malle Bresson Tati Cocteau Renoir Carné Clouzot
  Deneuve Huppert Binoche Moreau Karina Seyrig Béart Adjani Depardieu Belmondo Delon Trintignant Piccoli
  Noiret Auteuil Léaud Cassel Amalric Tautou Cotillard Marceau Bonnaire Ardant Dalle Hansen-Løve Ozon Céline
  Fassbinder Herzog Wenders Schlöndorff Kluge Tykwer Petzold Hoss Schygulla Ganz Kinski Brühl Diehl Böhm
  Bergman Sjöström Stiller Andersson Östlund Widerberg Troell Ullmann Andersson Josephson Björnstrand Thulin
  Dreyer Vinterberg Trier Refn Mikkelsen Knudsen Thomsen Sørensen Kaurismäki Outinen Ólafsson Kormákur Guðnason
  Fellini Visconti Antonioni Rossellini Pasolini Bertolucci Leone Scola Moretti Sorrentino Garrone Rohrwacher
  Mastroianni Loren Magnani Cardinale Vitti Gassman Tognazzi Sordi Volonté Servillo Bellocchio Olmi Taviani
  Kurosawa Ozu Mizoguchi Naruse Kobayashi Imamura Oshima Suzuki Kore-eda Kitano Miyazaki Takahata Hamaguchi
  Mifune Shimura Nakadai Hara Tanaka Kyō Takamine Yakusho Asano Kagawa Sugimura Ryū Kishi Okada Yamamoto
  Kiarostami Panahi Makhmalbaf Farhadi Ceylan Güney Kusturica Makavejev Forman Menzel Chytilová Passer Němec
  Jancsó Tarr Szabó Enyedi Mungiu Puiu Porumboiu Tarkovsky Klimov Shepitko Paradjanov Sokurov Zvyagintsev
  Loach Leigh Roeg Powell Pressburger Lean Reed Hitchcock Kubrick Ramsay Arnold Davies Hogg Mullan Considine
  Ford Hawks Wilder Wyler Capra Sturges Lubitsch Cukor Minnelli Ray Kazan Sirk Welles Huston Mann Walsh
  Scorsese Coppola Altman Cassavetes Malick Lynch Spielberg Demme Mann Jarmusch Haynes Reichardt Gerwig Baker
  Anderson Coen Fincher Nolan Villeneuve Cuarón Iñárritu Toro Larraín Salles Meirelles Babenco Rocha Santos
  Hepburn Bacall Stanwyck Davis Crawford Garbo Dietrich Monroe Novak Kelly Grant Stewart Bogart Fonda Peck
  Brando Dean Clift Newman Redford Pacino Niro Hoffman Nicholson Keitel Walken Dafoe Swinton Streep Rowlands
  Huppert Lee Leung Cheung Wong Hou Yang Tsai Jia Zhangke Kar-wai Hou Hsiao-hsien Bong Park Lee-Chang Hong
  Ray Ghatak Sen Benegal Kapoor Dutt Rahman Bachchan Khan Chatterjee Mukherjee Tagore Roy Nair Mehta Anand
  Sembène Mambéty Cissé Ouédraogo Sissako Diop Gomes Chahine Sissoko Abderrahmane Kaboré Kouyaté Haroun
  Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts
  Green Hall Wood Jackson Clarke Harris Lewis Martin Cooper Hill Ward Morris Moore Clark Baker Harrison King
  Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein
  Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier
  Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski
  García Fernández González Rodríguez López Martínez Sánchez Pérez Martín Jiménez Ruiz Hernández Díaz Moreno
  Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano
  Dubois Durand Lefebvre Leroy Moreau Laurent Simon Michel Garnier Faure Rousseau Blanc Guérin Boyer Chevalier
  Novák Svoboda Dvořák Černý Procházka Kučera Veselý Horák Němec Pokorný Marek Pospíšil Hájek Jelínek Král
  Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász Lakatos Mészáros
  Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara
  Jansen Visser Smit Bakker Janssen Vries Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra
  Silva Santos Oliveira Souza Lima Pereira Ferreira Costa Rodrigues Almeida Nascimento Carvalho Araújo Gonçalves
  Ivanov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov Solovyov Vasiliev Zaytsev
`);
const ROLES = words(`
  Detective Mother Father Daughter Son Stranger Doctor Nurse Priest Waitress Driver Soldier Captain Teacher
  Painter Singer Thief Inspector Landlady Neighbour Husband Wife Lover Widow Boxer Lawyer Judge Reporter
  Photographer Pianist Sailor Pilot Farmer Miner Clerk Mayor Sheriff Gambler Smuggler Student Professor
`);
const GENRES = words(`
  Drama Comedy Thriller Romance Horror Western Documentary Animation Crime Mystery Musical War Science-fiction
  Fantasy Adventure Action History Biography Family Film-noir
`);
const COUNTRIES: readonly [string, string][] = [
  ['France', 'French'], ['Germany', 'German'], ['Italy', 'Italian'], ['Spain', 'Spanish'], ['Poland', 'Polish'],
  ['Japan', 'Japanese'], ['United States', 'English'], ['United Kingdom', 'English'], ['Sweden', 'Swedish'],
  ['Denmark', 'Danish'], ['Finland', 'Finnish'], ['Iceland', 'Icelandic'], ['Norway', 'Norwegian'], ['Iran', 'Persian'],
  ['Turkey', 'Turkish'], ['Czechoslovakia', 'Czech'], ['Hungary', 'Hungarian'], ['Romania', 'Romanian'],
  ['Soviet Union', 'Russian'], ['Russia', 'Russian'], ['China', 'Mandarin'], ['Hong Kong', 'Cantonese'],
  ['Taiwan', 'Mandarin'], ['South Korea', 'Korean'], ['India', 'Bengali'], ['Senegal', 'Wolof'], ['Mali', 'Bambara'],
  ['Brazil', 'Portuguese'], ['Mexico', 'Spanish'], ['Argentina', 'Spanish'], ['Chile', 'Spanish'], ['Portugal', 'Portuguese'],
];
const TAGS = words(`
  criterion 35mm restored rewatch-soon slow-cinema noir b-movie cult silent black-and-white directors-cut
  festival cannes berlinale venice mubi blu-ray-upgrade owned-on-vhs comfort-film weekend late-night with-dad
  kids-ok subtitles dubbed classic new-wave essential overrated underrated guilty-pleasure long short debut
  adaptation remake sequel trilogy-part anthology one-take heist road-movie
`);
const LIST_NAMES = [
  'Best of the 1990s', 'Criterion to buy', 'Halloween marathon', 'Films with my father', 'The Polish school',
  'To show the kids', 'Slow cinema', 'Noir essentials', 'Festival diary', 'Sunday afternoons', 'Ozu and after',
  'Westerns worth it', 'Desert island', 'Rainy day', 'Road movies', 'Debuts', 'Remakes vs originals',
  'Film club 2025', 'Double features', 'Top 100 of all time',
];
const NOTE_SENTENCES = [
  'Saw it again on a restored print and the colours finally made sense.',
  'The long take in the second act still holds the whole room.',
  'Better than I remembered; the ending lands harder now.',
  'Mixed feelings about the score, but the cast is extraordinary.',
  'Recommended by the film club; worth a rewatch with subtitles.',
  'The director said in an interview that the final scene was improvised.',
  'A slow start, then it never lets go.',
  'Compare with the remake: this one trusts silence more.',
  'Watched with Ana, who spotted the cameo I had missed for years.',
  'The cinematography carries it when the script wobbles.',
  'Too long by twenty minutes, and still I would not cut a scene.',
  'Some of the dialogue is dated, the images are not.',
];
const EDITIONS = ['', '', '', 'Criterion Collection', 'Masters of Cinema', 'Arrow Video', 'Steelbook', 'Director’s Cut'];
const LOCATIONS = ['Living room shelf', 'Box 3', 'Study, top shelf', 'Attic', 'NAS / films', 'Bedroom'];
const BORROWERS = ['Ana', 'Marek', 'Sophie', 'Jonas', 'Élise', 'Tomasz', 'Grandma', 'Film club'];

/** mulberry32: a tiny, fast PRNG with good enough spread for synthetic data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const below = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)]!;
const between = (random: Random, low: number, high: number): number => low + below(random, high - low + 1);
const pad = (n: number): string => String(n).padStart(2, '0');

/** A UUID-shaped id drawn from the PRNG, so ids (and index order) look like the app's own. */
function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => below(random, 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + below(random, 4)).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** The k-th name of the pool of ~50,000 people (first × surname, the surnames strided so all are used). */
function personName(k: number): string {
  const surname = (Math.floor(k / FIRST_NAMES.length) * 211) % SURNAMES.length;
  return `${FIRST_NAMES[k % FIRST_NAMES.length]!} ${SURNAMES[surname]!}`;
}
/** Directors: 5,000 of the same people, spread over the pool. */
const directorName = (k: number): string => personName((k * 7919) % CAST_POOL);

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function filmTitle(random: Random): string {
  const length = [1, 1, 2, 2, 2, 3, 3, 4, 5][below(random, 9)]!;
  const title = Array.from({ length }, () => titleCase(pick(random, TITLE_WORDS)));
  if (length > 1 && random() < 0.25) title.unshift(pick(random, LEADING_ARTICLES));
  return title.join(' ');
}

function partialDate(random: Random, fromYear: number): string | null {
  const roll = random();
  if (roll < 0.08) return null;
  const year = between(random, Math.max(fromYear, 1990), 2025);
  if (roll < 0.16) return String(year);
  const month = between(random, 1, 12);
  if (roll < 0.26) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(between(random, 1, 28))}`;
}

function noteBody(random: Random): string {
  let body = '';
  while (body.length < 220 + below(random, 160)) body += `${pick(random, NOTE_SENTENCES)} `;
  return body.trim();
}

/** A film with the records that belong to it: what deleting a film removes (db/films), less posters. */
type FilmBundle = Omit<DeletedFilm, 'posters'>;

/** The catalog's lists: fixed ids from the seed, so entries can point at them from any batch. */
function syntheticLists(seed: number, now: Date): FilmList[] {
  const random = prng(seed ^ 0x5eed1157);
  return LIST_NAMES.map((name, index) => ({
    id: uuid(random),
    name,
    description: index % 3 === 0 ? `Kept since ${2010 + index}.` : '',
    ranked: index % 4 === 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  }));
}

const BASE_62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The `index`-th rank (from 0) of generateNKeysBetween(null, null, n) — 'a0' … 'az', 'b00' … 'bzz', 'c000' … —
 * made directly, so a film's list place depends on its index alone and not on the batch or the films before it.
 */
function rankAt(index: number): string {
  let rest = index;
  let digits = 1;
  while (rest >= 62 ** digits) {
    rest -= 62 ** digits;
    digits++;
  }
  let body = '';
  for (let k = 0; k < digits; k++, rest = Math.floor(rest / 62)) body = BASE_62[rest % 62]! + body;
  return String.fromCharCode('a'.charCodeAt(0) + digits - 1) + body;
}

/** Film `index` of the catalog with everything that points at it; the same for the same seed, whatever the batch. */
function syntheticFilm(index: number, seed: number, lists: readonly FilmList[]): FilmBundle {
  const random = prng(seed + Math.imul(index + 1, 0x9e3779b1));
  const id = uuid(random);
  const title = filmTitle(random);
  const year = Math.min(2025, 1920 + Math.floor(Math.sqrt(random()) * 106));
  const [country, language] = pick(random, COUNTRIES);
  const directors = Array.from({ length: [1, 1, 1, 1, 2, 3][below(random, 6)]! }, () => directorName(below(random, DIRECTOR_POOL)));
  const cast: CastMember[] = Array.from({ length: 10 }, () => ({
    name: personName(below(random, CAST_POOL)),
    role: random() < 0.5 ? personName(below(random, CAST_POOL)).split(' ')[0]! : pick(random, ROLES),
  }));
  const genres = [...new Set(Array.from({ length: between(random, 1, 3) }, () => pick(random, GENRES)))];
  const overview = Array.from({ length: 8 + below(random, 9) }, () => pick(random, NOTE_SENTENCES)).join(' ');
  const rating = random() < 0.2 ? null : (Math.min(10, Math.max(1, Math.round(3 + random() * 4 + random() * 4))) as HalfStars);
  const tags = [...new Set(Array.from({ length: below(random, 4) }, () => pick(random, TAGS)))];
  // Added one after another, about a minute apart from 2016 on, in catalog order.
  const added = new Date(Date.UTC(2016, 0, 1) + index * 60_000 + below(random, 50_000));
  const film = newFilmRecord(
    {
      title,
      originalTitle: random() < 0.1 ? filmTitle(random) : null,
      year,
      directors: [...new Set(directors)],
      cast,
      genres,
      runtimeMinutes: random() < 0.03 ? null : between(random, 70, 200),
      country,
      language,
      overview,
    },
    { rating, watchlist: rating === null && random() < 0.6, favourite: rating !== null && rating >= 9 && random() < 0.4, tags },
    id,
    added,
  );
  const stamp = added.toISOString();

  const viewings: Viewing[] = Array.from({ length: [0, 0, 1, 1, 1, 2, 3][below(random, 7)]! }, (_, n) => ({
    id: uuid(random),
    filmId: id,
    watchedOn: partialDate(random, year),
    rewatch: n > 0,
    rating: random() < 0.5 ? rating : null,
    medium: random() < 0.3 ? null : pick(random, viewingMedia),
    note: random() < 0.2 ? pick(random, NOTE_SENTENCES) : '',
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const notes: Annotation[] = Array.from({ length: [0, 0, 0, 1, 1, 2][below(random, 6)]! }, () => ({
    id: uuid(random),
    filmId: id,
    body: noteBody(random),
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const listEntries: ListEntry[] = [];
  if (random() < LIST_SHARE) {
    for (const list of new Set([pick(random, lists), pick(random, lists)])) {
      // Each list in the order films were added: the rank of the film's index, whatever other films are listed.
      listEntries.push({ id: uuid(random), listId: list.id, filmId: id, rank: rankAt(index), note: '', addedAt: stamp, updatedAt: stamp });
    }
  }
  const copies: Copy[] = [];
  const loans: Loan[] = [];
  if (random() < 0.3) {
    for (let n = between(random, 1, 2); n > 0; n--) {
      const copy: Copy = {
        id: uuid(random),
        filmId: id,
        format: pick(random, copyFormats),
        edition: pick(random, EDITIONS),
        region: pick(random, ['', 'A', 'B', '2', 'Region free']),
        barcode: random() < 0.5 ? String(5_000_000_000_000 + below(random, 999_999_999)) : '',
        location: pick(random, LOCATIONS),
        condition: pick(random, ['', 'Good', 'Like new', 'Scratched']),
        purchasedOn: random() < 0.5 ? `${between(random, 2000, 2025)}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}` : null,
        price: random() < 0.4 ? { amountMinor: between(random, 300, 4_000), currency: 'EUR' } : null,
        createdAt: stamp,
        updatedAt: stamp,
      };
      copies.push(copy);
      if (random() < 0.03) {
        const lentOn = `2025-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`;
        const loan = {
          id: uuid(random),
          copyId: copy.id,
          filmId: id,
          borrower: pick(random, BORROWERS),
          lentOn,
          dueOn: random() < 0.5 ? `2026-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}` : null,
          // A few still out, most back on the shelf.
          returnedOn: random() < 0.4 ? null : `2026-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`,
        };
        // Last changed when it came back, else when it went out (as the v7 upgrade dates an older loan).
        loans.push({ ...loan, updatedAt: `${loan.returnedOn ?? lentOn}T00:00:00.000Z` });
      }
    }
  }
  return { film, viewings, notes, listEntries, copies, loans };
}

/**
 * Writes one batch through the app's Dexie instance, films first so the middleware derives each film's summary and
 * then its facets from what points at it. Adds each table's time (until its bulkAdd settled) to `tableMs`.
 */
async function writeBatch(bundles: readonly FilmBundle[], tableMs: Record<WrittenTable, number>): Promise<void> {
  await db.transaction('rw', [db.films, db.viewings, db.notes, db.listEntries, db.copies, db.loans], async () => {
    const timed = async (table: WrittenTable, write: () => Promise<unknown>) => {
      const started = performance.now();
      await write();
      tableMs[table] += performance.now() - started;
    };
    await timed('films', () => db.films.bulkAdd(bundles.map((bundle) => bundle.film)));
    await timed('viewings', () => db.viewings.bulkAdd(bundles.flatMap((bundle) => bundle.viewings)));
    await timed('notes', () => db.notes.bulkAdd(bundles.flatMap((bundle) => bundle.notes)));
    await timed('listEntries', () => db.listEntries.bulkAdd(bundles.flatMap((bundle) => bundle.listEntries)));
    await timed('copies', () => db.copies.bulkAdd(bundles.flatMap((bundle) => bundle.copies)));
    await timed('loans', () => db.loans.bulkAdd(bundles.flatMap((bundle) => bundle.loans)));
  });
}

async function seed(count: number, options: SeedOptions = {}): Promise<SeedResult> {
  const seedValue = options.seed ?? DEFAULT_SEED;
  const batchSize = options.batchSize ?? 2_000;
  if (!db.isOpen()) await db.open();
  const lists = syntheticLists(seedValue, new Date(Date.UTC(2016, 0, 1)));
  await db.lists.bulkPut(lists);
  const tableMs: Record<WrittenTable, number> = { films: 0, viewings: 0, notes: 0, listEntries: 0, copies: 0, loans: 0 };
  const result: SeedResult = { films: 0, ms: 0, generateMs: 0, viewings: 0, notes: 0, lists: lists.length, listEntries: 0, copies: 0, loans: 0, tableMs };
  for (let start = 0; start < count; start += batchSize) {
    const generated = performance.now();
    const bundles = Array.from({ length: Math.min(batchSize, count - start) }, (_, k) => syntheticFilm(start + k, seedValue, lists));
    const writing = performance.now();
    result.generateMs += writing - generated;
    await writeBatch(bundles, tableMs);
    result.ms += performance.now() - writing;
    result.films += bundles.length;
    for (const bundle of bundles) {
      result.viewings += bundle.viewings.length;
      result.notes += bundle.notes.length;
      result.listEntries += bundle.listEntries.length;
      result.copies += bundle.copies.length;
      result.loans += bundle.loans.length;
    }
  }
  const rounded = Object.fromEntries(Object.entries(tableMs).map(([table, time]) => [table, Math.round(time)])) as Record<WrittenTable, number>;
  return { ...result, ms: Math.round(result.ms), generateMs: Math.round(result.generateMs), tableMs: rounded };
}

/**
 * What people type into a search box, from films of the catalog: a title word, the start of a title, a director's
 * surname without its accents ("zulawski"), a cast member's full name, a surname as spelt ("Mueller-Stahl"), or the
 * first letters of a word.
 */
function queries(count: number, films: number, options: Pick<SeedOptions, 'seed'> = {}): string[] {
  const seedValue = options.seed ?? DEFAULT_SEED;
  const lists = syntheticLists(seedValue, new Date(Date.UTC(2016, 0, 1)));
  const random = prng(seedValue ^ 0x9e3779b9);
  const unaccented = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
  const surname = (name: string) => name.split(' ').slice(1).join(' ');
  return Array.from({ length: count }, (_, n) => {
    const { film } = syntheticFilm(below(random, films), seedValue, lists);
    const titleWords = film.title.split(' ').filter((word) => !LEADING_ARTICLES.includes(word));
    const longest = [...titleWords].sort((a, b) => b.length - a.length)[0] ?? film.title;
    const castMember = pick(random, film.cast).name;
    let query: string;
    switch (n % 6) {
      case 0:
        query = longest.toLowerCase();
        break;
      case 1:
        query = film.title.split(' ').slice(0, 2).join(' ').toLowerCase();
        break;
      case 2:
        query = unaccented(surname(pick(random, film.directors))).toLowerCase();
        break;
      case 3:
        query = castMember.toLowerCase();
        break;
      case 4:
        query = surname(castMember);
        break;
      default:
        query = longest.slice(0, 4).toLowerCase();
    }
    return query.slice(0, 16).trim();
  });
}

export function installBenchHooks(): void {
  window.__cinefileBench = { seed, queries };
}
