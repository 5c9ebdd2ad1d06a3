/** One line of the diary: the day, the film (a link to its page, with its year), and what was true that time. */
import { Link } from 'wouter';
import type { DiaryEntry } from '../../db/viewings';
import { formatWatchedOn, watchedOnPrecision } from '../../domain/viewing';
import { Poster } from '../common/Poster';
import { RewatchBadge, ViewingMedium, ViewingRating } from './ViewingFacts';
import '../styles/diary.css';

const weekdayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short' });

/** The day of the month and its weekday for a full date; a dash when only the month or year is known. */
function DayFace({ watchedOn }: { watchedOn: string | null }) {
  if (watchedOn === null || watchedOnPrecision(watchedOn) !== 'day') {
    return <span className="diary-day-number diary-day-unknown">–</span>;
  }
  const [y, m, d] = watchedOn.split('-').map(Number) as [number, number, number];
  return (
    <>
      <span className="diary-day-number">{d}</span>
      <span className="diary-weekday">{weekdayFormat.format(new Date(y, m - 1, d))}</span>
    </>
  );
}

export function DiaryEntryRow({ entry }: { entry: DiaryEntry }) {
  const { viewing, film } = entry;
  return (
    <li className="diary-entry">
      <time className="diary-day" dateTime={viewing.watchedOn ?? undefined}>
        <span aria-hidden="true" className="diary-day-face">
          <DayFace watchedOn={viewing.watchedOn} />
        </span>
        <span className="visually-hidden">{formatWatchedOn(viewing.watchedOn)}</span>
      </time>
      <span className="diary-poster">
        <Poster film={film} size="small" decorative />
      </span>
      <span className="diary-film">
        <span className="diary-title-line">
          <Link href={`/films/${film.id}`} className="diary-title">
            {film.title}
          </Link>
          {film.year !== null && <span className="diary-year"> {film.year}</span>}
        </span>
        {viewing.note && <span className="diary-note">{viewing.note}</span>}
      </span>
      <span className="diary-cell diary-cell-rating">
        <ViewingRating rating={viewing.rating} />
      </span>
      <span className="diary-cell diary-cell-rewatch">
        <RewatchBadge rewatch={viewing.rewatch} />
      </span>
      <span className="diary-cell diary-cell-medium">
        <ViewingMedium medium={viewing.medium} />
      </span>
    </li>
  );
}
