/** Live views of copies and loans for components: each re-renders when the copies or loans it reads change. */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { copiesOfFilm, openLoans, type CopyWithLoans, type OpenLoanRow } from '../../db/copies';
import { localDateIso } from '../../domain/viewing';

/** A film's copies with their loans; undefined while loading. */
export function useCopiesOfFilm(filmId: string): CopyWithLoans[] | undefined {
  return useLiveQuery(() => copiesOfFilm(filmId), [filmId]);
}

/** Every open loan in Loaned out order for `today`; undefined while loading. */
export function useOpenLoans(today: string): OpenLoanRow[] | undefined {
  return useLiveQuery(() => openLoans(today), [today]);
}

/** Today's local date (YYYY-MM-DD), moving on at midnight so "overdue" stays true in a window left open. */
export function useToday(): string {
  const [today, setToday] = useState(() => localDateIso(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setToday(localDateIso(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}
