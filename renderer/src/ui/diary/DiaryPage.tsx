/**
 * The Diary: every viewing, newest first, under month headings, each linking to its film. Only the newest few
 * hundred are drawn at once (more on request), so a diary of thousands of viewings opens as fast as a short one.
 * `?year=2019` or `?month=2019-05` (the Stats page links here) shows one period's viewings only.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { diaryEntries, diaryEntriesIn, type DiaryEntry, type DiarySlice } from '../../db/viewings';
import { formatWatchedOn, groupByDiaryMonth, type DiaryMonth } from '../../domain/viewing';
import { DiaryEntryRow } from './DiaryEntryRow';
import '../styles/diary.css';
import { catalogForExport, diaryExportRows } from '../../db/exports';
import { exportImdbRatingsCsv } from '../../domain/exchange/imdb-export';
import { exportLetterboxdCsv } from '../../domain/exchange/letterboxd-export';
import { platform } from '../../platform';
import { ExportMenu } from '../exchange/ExportMenu';
import '../styles/exchange.css';

const csvFilter = [{ name: 'CSV', extensions: ['csv'] }];

/** A window of rows that lays out in a few milliseconds, however long the diary. */
export const DIARY_PAGE_SIZE = 200;

function useDiary(limit: number, period: string | null): DiarySlice | undefined {
  return useLiveQuery(() => (period === null ? diaryEntries(limit) : diaryEntriesIn(period, limit)), [limit, period]);
}

/** The period asked for in the URL ("2019" or "2019-05"), or null for the whole diary; anything else is ignored. */
export function diaryPeriod(search: string): string | null {
  const params = new URLSearchParams(search);
  const month = params.get('month');
  if (month !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return month;
  const year = params.get('year');
  return year !== null && /^\d{4}$/.test(year) ? year : null;
}

/** "2019" or "May 2019": a period reads like a viewing date of that precision. */
const periodLabel = (period: string) => formatWatchedOn(period);

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function DiaryMonthSection({ month }: { month: DiaryMonth<DiaryEntry> }) {
  const headingId = `diary-month-${month.key}`;
  return (
    <section className="diary-month" aria-labelledby={headingId}>
      <header className="diary-month-header">
        <h2 id={headingId}>{month.label}</h2>
        <span className="quiet">{count(month.items.length, 'viewing', 'viewings')}</span>
      </header>
      <ol className="diary-entries" aria-labelledby={headingId}>
        {month.items.map((entry) => (
          <DiaryEntryRow key={entry.viewing.id} entry={entry} />
        ))}
      </ol>
    </section>
  );
}

function EmptyDiary() {
  return (
    <div className="empty-state">
      <h2>No viewings yet</h2>
      <p>Open a film and press Log viewing on its page: every viewing you log appears here, newest first.</p>
      <Link href="/" className="button-primary">
        Go to the Library
      </Link>
    </div>
  );
}

/** `pageSize` is how many entries are drawn at first and added by each "Show older viewings". */
export function DiaryPage({ pageSize = DIARY_PAGE_SIZE }: { pageSize?: number }) {
  const [limit, setLimit] = useState(pageSize);
  const period = diaryPeriod(useSearch());
  const diary = useDiary(limit, period);
  const months = useMemo(() => (diary ? groupByDiaryMonth(diary.entries, (entry) => entry.viewing.watchedOn) : []), [diary]);

  return (
    <section className="page diary-page" aria-labelledby="diary-heading">
      <h1 id="diary-heading" className="page-title">
        {period === null ? 'Diary' : `Diary: ${periodLabel(period)}`}
      </h1>
      {period !== null && (
        <p className="diary-period">
          Viewings dated in {periodLabel(period)} only. <Link href="/diary">Show the whole diary</Link>
        </p>
      )}
      {diary === undefined ? (
        <p className="quiet" aria-busy="true">
          Loading your diary…
        </p>
      ) : diary.total === 0 && period !== null ? (
        <p className="empty-state">No viewings are dated in {periodLabel(period)}.</p>
      ) : diary.total === 0 ? (
        <EmptyDiary />
      ) : (
        <>
          <div className="diary-summary-row">
            <p className="diary-summary">
              {count(diary.total, 'viewing', 'viewings')} of {count(diary.filmCount, 'film', 'films')}
            </p>
            <ExportMenu
              what="the Diary"
              document={async () => {
                const { rows, posters } = await diaryExportRows();
                return { document: { kind: 'diary', title: 'Diary', description: '', ranked: false, rows, exportedAt: new Date().toISOString() }, posters };
              }}
              extra={[
                {
                  label: 'Letterboxd CSV (to import on Letterboxd)',
                  run: async () =>
                    (await platform.saveFile({ suggestedName: 'cinefile-letterboxd.csv', data: exportLetterboxdCsv(await catalogForExport()), filters: csvFilter }))
                      .savedTo,
                },
                {
                  label: 'IMDb-style ratings CSV',
                  run: async () =>
                    (await platform.saveFile({ suggestedName: 'cinefile-ratings.csv', data: exportImdbRatingsCsv((await catalogForExport()).films), filters: csvFilter }))
                      .savedTo,
                },
              ]}
            />
          </div>
          {months.map((month) => (
            <DiaryMonthSection key={month.key} month={month} />
          ))}
          {diary.entries.length < diary.total && (
            <div className="diary-more">
              <button type="button" className="button-secondary" onClick={() => setLimit((shown) => shown + pageSize)}>
                Show older viewings
              </button>
              <span className="quiet">
                {count(diary.entries.length, 'viewing', 'viewings')} shown of {diary.total.toLocaleString('en')}
              </span>
            </div>
          )}
        </>
      )}
    </section>
  );
}
