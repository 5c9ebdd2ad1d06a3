import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addFilm, setFilmPoster } from '../../renderer/src/db/films';
import type { Film, FilmFields } from '../../renderer/src/domain/film';
import { Poster } from '../../renderer/src/ui/common/Poster';
import { storableBlob, useNodeBlobs, watchObjectUrls } from './poster-fakes';
import { freshCatalog, renderInApp } from './render';

const alienFields: FilmFields = {
  title: 'Alien', originalTitle: null, year: 1979, directors: [], cast: [], genres: [], runtimeMinutes: null,
  country: null, language: null, overview: null,
};
const meta = { mimeType: 'image/png', width: 200, height: 300 } as const;
type ShownFilm = Pick<Film, 'title' | 'year' | 'poster'>;

let urls: ReturnType<typeof watchObjectUrls>;

beforeEach(async () => {
  useNodeBlobs();
  urls = watchObjectUrls();
  await freshCatalog();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A film with an image poster: its full image and its thumbnail say which they are. */
async function filmWithImagePoster(label = 'first'): Promise<ShownFilm> {
  const filmId = await addFilm(alienFields);
  const change = await setFilmPoster(filmId, storableBlob(`${label} full`, 'image/png'), storableBlob(`${label} thumbnail`, 'image/webp'), meta);
  return { title: 'Alien', year: 1979, poster: change.poster };
}

/** A poster whose film changes on a click, as the film page's does when the poster is replaced. */
function SwappablePoster({ first, then }: { first: ShownFilm; then: ShownFilm }) {
  const [film, setFilm] = useState(first);
  return (
    <>
      <Poster film={film} size="large" />
      <button type="button" onClick={() => setFilm(then)}>
        Swap
      </button>
    </>
  );
}

const shownText = async (img: HTMLElement) => urls.shown.get(img.getAttribute('src') ?? '')?.text();

describe('Poster with an image the person set', () => {
  it('shows the thumbnail in the small size and the full image in the large one', async () => {
    const film = await filmWithImagePoster();
    renderInApp(
      <>
        <Poster film={film} size="large" />
        <div data-testid="grid">
          <Poster film={film} size="small" decorative />
        </div>
      </>,
    );
    const large = screen.getByRole('img', { name: 'Poster of Alien' });
    await waitFor(() => expect(large).toHaveAttribute('src'));
    expect(await shownText(large)).toBe('first full');

    const small = screen.getByTestId('grid').querySelector('img')!;
    await waitFor(() => expect(small).toHaveAttribute('src'));
    expect(await shownText(small)).toBe('first thumbnail');
    // Decorative in a card that names the film: silent to screen readers.
    expect(small).toHaveAttribute('alt', '');
  });

  it('revokes the object URL when the poster changes and when it leaves the screen', async () => {
    const first = await filmWithImagePoster('first');
    const second = await filmWithImagePoster('second');
    const view = renderInApp(<SwappablePoster first={first} then={second} />);
    const img = screen.getByRole('img', { name: 'Poster of Alien' });
    await waitFor(() => expect(img).toHaveAttribute('src'));
    const firstUrl = img.getAttribute('src')!;

    fireEvent.click(screen.getByRole('button', { name: 'Swap' }));
    await waitFor(() => expect(img.getAttribute('src')).not.toBe(firstUrl));
    expect(await shownText(img)).toBe('second full');
    expect(urls.revoked).toEqual([firstUrl]);

    const secondUrl = img.getAttribute('src')!;
    view.unmount();
    expect(urls.revoked).toEqual([firstUrl, secondUrl]);
  });

  it('falls back to the typographic card when the image record is missing', async () => {
    renderInApp(<Poster film={{ title: 'Alien', year: 1979, poster: { kind: 'image', posterId: 'gone' } }} size="small" />);
    expect(await screen.findByRole('img', { name: 'No poster for Alien' })).toHaveTextContent('Alien1979');
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});
