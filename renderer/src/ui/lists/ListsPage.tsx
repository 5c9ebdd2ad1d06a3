/** Every list the person keeps, with how full and how watched each is, and a form to start a new one. */
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import { viewFromSearch } from '../../domain/library-url';
import { allSmartLists } from '../../db/smart-lists';
import { describeView } from '../library/describe-view';
import { filmCountLabel, listSeenLabel } from '../../domain/list';
import { createList, type ListSummary } from '../../db/lists';
import { ListForm } from './ListForm';
import { useAllLists } from './useLists';
import '../styles/lists.css';

function ListCard({ summary }: { summary: ListSummary }) {
  const { list, filmCount, seenCount } = summary;
  return (
    <li className="list-card">
      <div className="list-card-head">
        <Link href={`/lists/${list.id}`} className="list-card-name">
          {list.name}
        </Link>
        {list.ranked && <span className="list-tag">Ranked</span>}
      </div>
      {list.description && <p className="list-card-description">{list.description}</p>}
      <p className="list-card-meta">
        {filmCountLabel(filmCount)}
        {filmCount > 0 && ` · ${listSeenLabel(seenCount, filmCount)}`}
      </p>
    </li>
  );
}

/** Saved Library views, live as the catalog changes. */
function SmartLists() {
  const smartLists = useLiveQuery(() => allSmartLists(), []);
  if (!smartLists) return null;
  return (
    <section className="smart-lists" aria-labelledby="smart-lists-heading">
      <h2 id="smart-lists-heading">Smart lists</h2>
      {smartLists.length === 0 ? (
        <p className="quiet">
          A smart list is a saved search: filter or search the <Link href="/">Library</Link>, then choose “Save as smart list”. It keeps
          itself up to date as your catalog changes.
        </p>
      ) : (
        <ul className="list-cards" aria-label="Your smart lists">
          {smartLists.map((list) => (
            <li key={list.id} className="list-card">
              <div className="list-card-head">
                <Link href={`/smart-lists/${list.id}`} className="list-card-name">
                  {list.name}
                </Link>
                <span className="list-tag">Smart</span>
              </div>
              <p className="list-card-meta">{describeView(viewFromSearch(list.query))}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ListsPage() {
  const lists = useAllLists();
  const [, navigate] = useLocation();

  return (
    <section className="page lists-page" aria-labelledby="lists-heading">
      <h1 id="lists-heading" className="page-title">
        Lists
      </h1>
      <div className="lists-layout">
        <div>
          {lists === undefined ? (
            <p className="quiet" aria-busy="true">
              Loading your lists…
            </p>
          ) : lists.length === 0 ? (
            <div className="empty-state lists-empty">
              <h2>No lists yet</h2>
              <p>
                Gather films into lists — “Best of 1993”, “To show the kids” — ranked or not. Create one with the form
                beside this, then add films from a film’s page or from the Library.
              </p>
            </div>
          ) : (
            <ul className="list-cards" aria-label="Your lists">
              {lists.map((summary) => (
                <ListCard key={summary.list.id} summary={summary} />
              ))}
            </ul>
          )}
          <SmartLists />
        </div>
        <aside className="panel" aria-labelledby="new-list-heading">
          <h2 id="new-list-heading">New list</h2>
          <ListForm
            submitLabel="Create list"
            resetAfterSubmit
            onSubmit={async (fields) => {
              const id = await createList(fields);
              navigate(`/lists/${id}`);
            }}
          />
        </aside>
      </div>
    </section>
  );
}
