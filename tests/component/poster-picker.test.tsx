import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addFilm, filmById } from '../../renderer/src/db/films';
import { db } from '../../renderer/src/db/index';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import type { FilmFields } from '../../renderer/src/domain/film';
import { platform } from '../../renderer/src/platform';
import { PosterPicker } from '../../renderer/src/ui/film/PosterPicker';
import { useFilm } from '../../renderer/src/ui/common/useCatalog';
import type { ThumbnailMaker } from '../../renderer/src/ui/film/poster-images';
import { failWritesTo } from '../fixtures/failing-writes';
import { fakeThumbnailMaker, fixtureBytes, type FixtureName, fixtureFile, useNodeBlobs, watchObjectUrls } from './poster-fakes';
import { freshCatalog, renderInApp } from './render';

const alienFields: FilmFields = {
  title: 'Alien', originalTitle: null, year: 1979, directors: [], cast: [], genres: [], runtimeMinutes: null,
  country: null, language: null, overview: null,
};

/** The picker as the film page shows it: on the live film, so a stored change shows up. */
function LivePicker({ id, makeThumbnail = fakeThumbnailMaker }: { id: string; makeThumbnail?: ThumbnailMaker }) {
  const film = useFilm(id);
  return film ? <PosterPicker film={film} makeThumbnail={makeThumbnail} /> : null;
}

const dropZone = () => screen.getByRole('group', { name: 'Poster: drop an image file here to change it' });
const drop = (files: File[]) => fireEvent.drop(dropZone(), { dataTransfer: { files, types: ['Files'] } });
const chooseInDialog = (fileName: FixtureName) =>
  vi.spyOn(platform, 'openFile').mockResolvedValue({ fileName, bytes: fixtureBytes(fileName) });
const posterOf = async (id: string) => (await filmById(id))?.poster;

beforeEach(async () => {
  useNodeBlobs();
  watchObjectUrls();
  await freshCatalog();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('PosterPicker', () => {
  it('sets a poster chosen in the file dialog, offering only images, and Undo takes it back', async () => {
    const open = chooseInDialog('poster.png');
    const filmId = await addFilm(alienFields);
    renderInApp(<LivePicker id={filmId} />);
    expect(await screen.findByRole('img', { name: 'No poster for Alien' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Change poster…' }));
    const poster = await screen.findByRole('img', { name: 'Poster of Alien' });
    await waitFor(() => expect(poster).toHaveAttribute('src', expect.stringMatching(/^blob:/)));
    expect(open).toHaveBeenCalledWith({ filters: [{ name: 'Images (JPEG, PNG, WebP)', extensions: ['jpg', 'jpeg', 'png', 'webp'] }] });
    expect(await db.posters.toArray()).toMatchObject([{ filmId, mimeType: 'image/png', width: 200, height: 300 }]);
    expect(screen.getByRole('status')).toHaveTextContent('Poster of “Alien” changed.');

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('img', { name: 'No poster for Alien' })).toBeInTheDocument();
    expect(await db.posters.count()).toBe(0);
  });

  it('refuses a file that is not an image, naming it, and keeps the old poster', async () => {
    chooseInDialog('not-an-image.png');
    renderInApp(<LivePicker id={SEED_FILM_ID} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Change poster…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“not-an-image.png” is not a JPEG, PNG or WebP image.');
    expect(await posterOf(SEED_FILM_ID)).toEqual({ kind: 'bundled', name: 'red-hot' });
    expect(screen.getByRole('img', { name: 'Poster of Red Hot' })).toHaveAttribute('src', expect.stringMatching(/red-hot|^data:image\/svg/));
  });

  it('does nothing when the dialog is cancelled', async () => {
    vi.spyOn(platform, 'openFile').mockResolvedValue(null);
    renderInApp(<LivePicker id={SEED_FILM_ID} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Change poster…' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await posterOf(SEED_FILM_ID)).toEqual({ kind: 'bundled', name: 'red-hot' });
  });

  it('highlights the poster while a file is dragged over it, and sets a dropped image', async () => {
    renderInApp(<LivePicker id={SEED_FILM_ID} />);
    await screen.findByRole('img', { name: 'Poster of Red Hot' });
    fireEvent.dragEnter(dropZone(), { dataTransfer: { types: ['Files'] } });
    expect(dropZone()).toHaveClass('is-dragging');
    expect(dropZone()).toHaveTextContent('Drop to set the poster');
    fireEvent.dragLeave(dropZone(), { dataTransfer: { types: ['Files'] } });
    expect(dropZone()).not.toHaveClass('is-dragging');

    fireEvent.dragEnter(dropZone(), { dataTransfer: { types: ['Files'] } });
    drop([fixtureFile('poster.png')]);
    expect(dropZone()).not.toHaveClass('is-dragging');
    await waitFor(async () => expect((await posterOf(SEED_FILM_ID))?.kind).toBe('image'));
    expect(screen.getByRole('button', { name: 'Remove poster' })).toBeInTheDocument();
  });

  it('says a damaged image could not be read and keeps the old poster', async () => {
    renderInApp(<LivePicker id={SEED_FILM_ID} />);
    await screen.findByRole('img', { name: 'Poster of Red Hot' });
    drop([fixtureFile('broken-poster.png')]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“broken-poster.png” could not be read as an image; it may be damaged or incomplete.',
    );
    expect(await posterOf(SEED_FILM_ID)).toEqual({ kind: 'bundled', name: 'red-hot' });
    expect(await db.posters.count()).toBe(0);
  });

  it('says so when the image cannot be prepared for another reason, keeping the old poster', async () => {
    const noCanvas: ThumbnailMaker = () => Promise.reject(new Error('This window cannot draw images (no 2D canvas).'));
    renderInApp(<LivePicker id={SEED_FILM_ID} makeThumbnail={noCanvas} />);
    await screen.findByRole('img', { name: 'Poster of Red Hot' });
    drop([fixtureFile('poster.png')]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The poster of “Red Hot” was not changed: This window cannot draw images (no 2D canvas).',
    );
    expect(await posterOf(SEED_FILM_ID)).toEqual({ kind: 'bundled', name: 'red-hot' });
  });

  it('says when a full disk refuses the new poster, keeping the old one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    renderInApp(<LivePicker id={SEED_FILM_ID} />);
    await screen.findByRole('img', { name: 'Poster of Red Hot' });
    failWritesTo('posters');
    drop([fixtureFile('poster.png')]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The poster of “Red Hot” was not changed: the disk is full. Free some disk space (or remove large posters), then try again.',
    );
    expect(await posterOf(SEED_FILM_ID)).toEqual({ kind: 'bundled', name: 'red-hot' });
    expect(await db.posters.count()).toBe(0);
    expect(screen.getByRole('button', { name: 'Change poster…' })).toBeEnabled();
  });

  it('refuses several files dropped at once', async () => {
    renderInApp(<LivePicker id={SEED_FILM_ID} />);
    await screen.findByRole('img', { name: 'Poster of Red Hot' });
    drop([fixtureFile('poster.png'), fixtureFile('poster.png')]);
    expect(await screen.findByRole('alert')).toHaveTextContent('Drop one image file at a time.');
    expect(await db.posters.count()).toBe(0);
  });

  it('refuses an oversized dropped file by its size alone, without reading it', async () => {
    renderInApp(<LivePicker id={SEED_FILM_ID} />);
    await screen.findByRole('img', { name: 'Poster of Red Hot' });
    const huge = fixtureFile('poster.png');
    Object.defineProperty(huge, 'size', { value: 31.2 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'arrayBuffer');
    drop([huge]);
    expect(await screen.findByRole('alert')).toHaveTextContent('“poster.png” is 31.2 MB; posters can be up to 20 MB.');
    expect(read).not.toHaveBeenCalled();
  });

  it('shows progress and disables its buttons while an image is being prepared', async () => {
    let finish: () => void = () => undefined;
    const slowMaker: ThumbnailMaker = (image) =>
      new Promise((resolve, reject) => {
        finish = () => {
          fakeThumbnailMaker(image).then(resolve, reject);
        };
      });
    chooseInDialog('poster.png');
    renderInApp(<LivePicker id={SEED_FILM_ID} makeThumbnail={slowMaker} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Change poster…' }));

    expect(await screen.findByText('Preparing poster…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change poster…' })).toBeDisabled();
    expect(dropZone()).toHaveAttribute('aria-busy', 'true');
    finish();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Change poster…' })).toBeEnabled());
    expect(screen.queryByText('Preparing poster…')).not.toBeInTheDocument();
    expect((await posterOf(SEED_FILM_ID))?.kind).toBe('image');
  });

  it('removes an image poster with Undo, back to the image', async () => {
    chooseInDialog('poster.png');
    const filmId = await addFilm(alienFields);
    renderInApp(<LivePicker id={filmId} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Change poster…' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Remove poster' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove poster' })).not.toBeInTheDocument());
    expect(screen.getByRole('img', { name: 'No poster for Alien' })).toBeInTheDocument();
    expect(await db.posters.count()).toBe(0);
    await userEvent.click(screen.getAllByRole('button', { name: 'Undo' }).at(-1)!);
    expect(await screen.findByRole('img', { name: 'Poster of Alien' })).toBeInTheDocument();
    expect(await db.posters.count()).toBe(1);
  });
});
