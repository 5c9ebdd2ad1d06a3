/** Every list the person keeps, with how full and how watched each is, and a form to start a new one. */
import { Link, useLocation } from 'wouter';
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
