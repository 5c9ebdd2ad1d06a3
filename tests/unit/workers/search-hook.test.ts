// @vitest-environment jsdom
// useFilmSearch and Highlighted over the real search service (run in-process by a fake worker): undefined for an
// empty query and while the first answer is pending, the newest query winning, results refreshing after a write;
// and matched word beginnings rendered as <mark> around plain text.
import { act, cleanup, render, renderHook, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/index';
import { bareFilmFields } from '../../../renderer/src/domain/exchange/import-plan';
import { newFilmRecord } from '../../../renderer/src/domain/film';
import { Highlighted } from '../../../renderer/src/ui/common/Highlighted';
import { useFilmSearch } from '../../../renderer/src/ui/common/useFilmSearch';
import { startSearchIndex, stopSearchIndex } from '../../../renderer/src/workers/search-client';
import { InProcessSearchWorker } from '../../fixtures/search-worker';

const NOW = new Date('2026-11-29T12:00:00.000Z');


const addFilm = (id: string, title: string) => db.films.add(newFilmRecord(bareFilmFields(title, null), {}, id, NOW));

let worker: InProcessSearchWorker;

beforeEach(async () => {
  stopSearchIndex();
  db.close();
  await db.delete();
  await db.open();
  await addFilm('godfather', 'The Godfather');
  await addFilm('heat', 'Heat');
  worker = new InProcessSearchWorker();
  startSearchIndex({ createWorker: () => worker });
});

afterEach(() => {
  cleanup();
  stopSearchIndex();
});

describe('useFilmSearch', () => {
  it('gives undefined for an empty query without asking, then the hits of the newest query', async () => {
    const { result, rerender } = renderHook(({ query }) => useFilmSearch(query), { initialProps: { query: '  ' } });
    expect(result.current).toBeUndefined();
    expect(worker.queries).toEqual([]);

    rerender({ query: 'godf' });
    expect(result.current).toBeUndefined(); // pending
    await waitFor(() => expect(result.current?.ids).toEqual(['godfather']));
    expect(result.current).toMatchObject({ query: 'godf', words: ['godf'] });

    rerender({ query: 'h' });
    rerender({ query: 'he' });
    rerender({ query: 'hea' });
    await waitFor(() => expect(result.current?.query).toBe('hea'));
    expect(result.current?.ids).toEqual(['heat']);

    rerender({ query: '' });
    expect(result.current).toBeUndefined();
  });

  it('answers two components searching at once (each asks again when the other’s search is answered first)', async () => {
    const first = renderHook(() => useFilmSearch('godf'));
    const second = renderHook(() => useFilmSearch('heat'));
    await waitFor(() => expect(first.result.current?.ids).toEqual(['godfather']));
    await waitFor(() => expect(second.result.current?.ids).toEqual(['heat']));
    expect(worker.queries).toEqual(['godf', 'heat', 'godf']);
  });

  it('refreshes its hits when a write changes the index', async () => {
    const { result } = renderHook(() => useFilmSearch('heat'));
    await waitFor(() => expect(result.current?.ids).toEqual(['heat']));
    await act(async () => {
      await addFilm('heat2', 'Heat Wave');
    });
    await waitFor(() => expect(result.current?.ids).toEqual(['heat', 'heat2']));
  });
});

describe('Highlighted', () => {
  it('marks matched word beginnings and renders the text as text', () => {
    const { container } = render(createElement(Highlighted, { text: 'Le Destin d’Amélie <b>Poulain</b>', words: ['amel', 'poul'] }));
    expect(container.innerHTML).toBe('Le Destin d’<mark>Amél</mark>ie &lt;b&gt;<mark>Poul</mark>ain&lt;/b&gt;');
  });
});
