/**
 * The film page's large poster, and the ways to change it: a "Change poster…" button (the system's file dialog)
 * or an image file dropped on the poster. A file that is not a usable image gets a message and the old poster stays.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { Film } from '../../domain/film';
import { fileSizeLabel, MAX_POSTER_BYTES } from '../../domain/poster';
import { removeFilmPoster, setFilmPoster, undoPosterChange, type PosterChange } from '../../db/films';
import { platform } from '../../platform';
import {
  browserThumbnailMaker,
  posterFileFilters,
  preparePoster,
  type PosterSource,
  type ThumbnailMaker,
} from './poster-images';
import { Poster } from '../common/Poster';
import { failureMessage } from '../../domain/errors';
import { useCatalogActions } from '../common/useCatalogActions';
import '../styles/posters.css';
import { FormAlert } from '../common/FormParts';

/** Only drags that carry files are ours: a dragged link or text selection is left to the browser. */
const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

interface PosterPickerProps {
  film: Film;
  /** Decodes images and draws thumbnails; the browser's by default, a fake in tests (jsdom has no canvas). */
  makeThumbnail?: ThumbnailMaker;
}

export function PosterPicker({ film, makeThumbnail = browserThumbnailMaker }: PosterPickerProps) {
  const { undoable } = useCatalogActions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; counting them tells when the pointer really left.
  const dragDepth = useRef(0);
  const title = `“${film.title}”`;

  /** Changes or removes the poster with Undo; `change` resolves with null when there was nothing to change. */
  const changePoster = (verb: 'changed' | 'removed', change: () => Promise<PosterChange | null>) =>
    undoable({
      run: change,
      notDone: `The poster of ${title} was not ${verb}`,
      done: () => `Poster of ${title} ${verb}.`,
      undo: undoPosterChange,
      notUndone: `The poster of ${title} was not put back`,
    });

  const setPosterFrom = (source: PosterSource) => {
    setBusy(true);
    setError(null);
    changePoster('changed', async () => {
      try {
        const prepared = await preparePoster(source, makeThumbnail);
        // A file that is not a usable image is the person's to fix: said beside the poster, which stays.
        if (!prepared.ok) {
          setError(prepared.error);
          return null;
        }
        const { image, thumbnail, ...meta } = prepared.poster;
        return await setFilmPoster(film.id, image, thumbnail, meta);
      } finally {
        setBusy(false);
      }
    });
  };

  const choose = () => {
    setError(null);
    platform.openFile({ filters: posterFileFilters }).then(
      (chosen) => chosen && setPosterFrom(chosen),
      (openError: unknown) => setError(failureMessage('The file could not be opened', openError)),
    );
  };

  const remove = () => {
    setError(null);
    changePoster('removed', () => removeFilmPoster(film.id));
  };

  const dropHandlers = {
    onDragEnter: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      dragDepth.current += 1;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without preventDefault the browser refuses the drop (or opens the file in the window).
      event.preventDefault();
      event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      dragDepth.current = 0;
      setDragging(false);
      if (busy) return;
      const files = Array.from(event.dataTransfer.files);
      if (files.length !== 1) return setError('Drop one image file at a time.');
      setPosterFrom({ file: files[0]! });
    },
  };

  const zoneClass = ['poster-drop-zone', dragging && 'is-dragging', busy && 'is-busy'].filter(Boolean).join(' ');
  return (
    <div className="poster-picker">
      <div
        className={zoneClass}
        role="group"
        aria-label="Poster: drop an image file here to change it"
        aria-describedby="poster-picker-hint"
        aria-busy={busy}
        {...dropHandlers}
      >
        <Poster film={film} size="large" />
        {busy ? (
          <div className="poster-drop-overlay">Preparing poster…</div>
        ) : (
          dragging && (
            <div className="poster-drop-overlay" aria-hidden="true">
              Drop to set the poster
            </div>
          )
        )}
      </div>
      <div className="poster-picker-actions">
        <button type="button" className="button-secondary" disabled={busy} onClick={choose}>
          Change poster…
        </button>
        {film.poster?.kind === 'image' && (
          <button type="button" className="button-quiet" disabled={busy} onClick={remove}>
            Remove poster
          </button>
        )}
      </div>
      <p id="poster-picker-hint" className="field-hint">
        JPEG, PNG or WebP up to {fileSizeLabel(MAX_POSTER_BYTES)}; or drop one on the poster.
      </p>
      <FormAlert message={error} />
    </div>
  );
}
