/**
 * Most watched and highest rated directors, actors, genres, countries and languages: for each, two ranked tables from
 * the worker's rankings, each name a link into the Library (genres, countries and languages as filters; directors
 * and actors, which have no filter, as a search, which matches directors and cast).
 */
import { Link } from 'wouter';
import { noFilters, type LibraryFilters } from '../../domain/library-query';
import { viewToSearch } from '../../domain/library-url';
import { defaultLibrarySort } from '../../domain/library-sort';
import { peopleKinds, type CatalogStats, type PeopleEntry, type PeopleKind } from '../../domain/stats';

/** The rated films an entry needs to be "highest rated": catalogStats's default, which the worker uses. */
export const MIN_RATED_FILMS = 3;

/**
 * The Library filtered (and searched) so: "/?decade=1990". The sort is left out, so the Library keeps the order the
 * person last chose.
 */
export function libraryHref(filters: Partial<LibraryFilters>, search = ''): string {
  const params = new URLSearchParams(viewToSearch({ search, filters: { ...noFilters, ...filters }, sort: defaultLibrarySort }));
  params.delete('sort');
  params.delete('dir');
  return `/?${params}`;
}

/** A mean of half-stars as stars to one decimal: 7.4 → "3.7 ★". */
export const starsText = (halfStars: number) => `${(halfStars / 2).toFixed(1)} ★`;

const kinds: Record<PeopleKind, { title: string; one: string; href: (name: string) => string }> = {
  directors: { title: 'Directors', one: 'Director', href: (name) => libraryHref({}, name) },
  actors: { title: 'Actors', one: 'Actor', href: (name) => libraryHref({}, name) },
  genres: { title: 'Genres', one: 'Genre', href: (name) => libraryHref({ genres: [name] }) },
  countries: { title: 'Countries', one: 'Country', href: (name) => libraryHref({ countries: [name] }) },
  languages: { title: 'Languages', one: 'Language', href: (name) => libraryHref({ languages: [name] }) },
};

interface RankedTableProps {
  caption: string;
  kind: PeopleKind;
  entries: readonly PeopleEntry[];
  columns: readonly [string, string];
  cells: (entry: PeopleEntry) => readonly [string, string];
  empty: string;
}

function RankedTable({ caption, kind, entries, columns, cells, empty }: RankedTableProps) {
  return (
    <div className="stats-ranking">
      <h4>{caption}</h4>
      {entries.length === 0 ? (
        <p className="quiet">{empty}</p>
      ) : (
        <table className="stats-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="stats-rank">
                <span className="visually-hidden">Rank</span>
              </th>
              <th scope="col">{kinds[kind].one}</th>
              <th scope="col" className="stats-number">
                {columns[0]}
              </th>
              <th scope="col" className="stats-number">
                {columns[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, at) => {
              const [first, second] = cells(entry);
              return (
                <tr key={entry.name}>
                  <td className="stats-rank quiet">{at + 1}</td>
                  <th scope="row">
                    <Link href={kinds[kind].href(entry.name)}>{entry.name}</Link>
                  </th>
                  <td className="stats-number">{first}</td>
                  <td className="stats-number">{second}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

const whole = (n: number) => n.toLocaleString('en');

export function PeopleTables({ people }: { people: CatalogStats['people'] }) {
  return (
    <>
      <p className="quiet stats-note">Highest rated needs at least {MIN_RATED_FILMS} rated films, so one film does not top it.</p>
      <div className="stats-people">
        {peopleKinds.map((kind) => {
          const { title } = kinds[kind];
          const lower = title.toLowerCase();
          return (
            <section key={kind} className="stats-people-kind" aria-labelledby={`stats-people-${kind}`}>
              <h3 id={`stats-people-${kind}`}>{title}</h3>
              <RankedTable
                caption={`Most watched ${lower}`}
                kind={kind}
                entries={people[kind].mostWatched}
                columns={['Viewings', 'Films']}
                cells={(entry) => [whole(entry.viewings), whole(entry.films)]}
                empty={`No ${lower} among the films watched yet.`}
              />
              <RankedTable
                caption={`Highest rated ${lower}`}
                kind={kind}
                entries={people[kind].highestRated}
                columns={['Average', 'Rated films']}
                cells={(entry) => [entry.averageRating === null ? '–' : starsText(entry.averageRating), whole(entry.ratedFilms)]}
                empty={`None with ${MIN_RATED_FILMS} rated films yet.`}
              />
            </section>
          );
        })}
      </div>
    </>
  );
}
