/**
 * The film page's large poster, and the ways to change it: a "Change poster…" button (the system's file dialog)
 * or an image file dropped on the poster. A file that is not a usable image gets a message and the old poster stays.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { Film } from '../../domain/film';
import { fileSizeLabel, MAX_POSTER_BYTES } from '../../domain/poster';
import { removeFilmPoster, setFilmPoster, undoPosterChange, type PosterChange } from '../../db/posters';
import { platform } from '../../platform';
import {
  browserThumbnailMaker,
  posterFileFilters,
  preparePoster,
  type PosterSource,
  type ThumbnailMaker,
} from '../poster-images';
import { Poster } from './Poster';
import { useToast } from './Toasts';
import '../styles/posters.css';
import { FormAlert } from './FormParts';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Only drags that carry files are ours: a dragged link or text selection is left to the browser. */
const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

interface PosterPickerProps {
  film: Film;
  /** Decodes images and draws thumbnails; the browser's by default, a fake in tests (jsdom has no canvas). */
  makeThumbnail?: ThumbnailMaker;
}

export function PosterPicker({ film, makeThumbnail = browserThumbnailMaker }: PosterPickerProps) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; counting them tells when the pointer really left.
  const dragDepth = useRef(0);

  const offerUndo = (message: string, change: PosterChange) =>
    toast({
      message,
      action: {
        label: 'Undo',
        run: () =>
          undoPosterChange(change).catch((undoError: unknown) =>
            toast({ message: `Could not undo: ${reason(undoError)}`, tone: 'error' }),
          ),
      },
    });

  const setPosterFrom = async (source: PosterSource) => {
    setBusy(true);
    setError(null);
    try {
      const prepared = await preparePoster(source, makeThumbnail);
      if (!prepared.ok) return setError(prepared.error);
      const { image, thumbnail, ...meta } = prepared.poster;
      const change = await setFilmPoster(film.id, image, thumbnail, meta);
      offerUndo(`Poster of “${film.title}” changed.`, change);
    } catch (failure) {
      setError(`Could not set the poster: ${reason(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    setError(null);
    let chosen: Awaited<ReturnType<typeof platform.openFile>>;
    try {
      chosen = await platform.openFile({ filters: posterFileFilters });
    } catch (openError) {
      return setError(`Could not open the file: ${reason(openError)}`);
    }
    if (chosen) await setPosterFrom(chosen);
  };

  const remove = async () => {
    setError(null);
    try {
      const change = await removeFilmPoster(film.id);
      if (change) offerUndo(`Poster of “${film.title}” removed.`, change);
    } catch (removeError) {
      setError(`Could not remove the poster: ${reason(removeError)}`);
    }
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
      void setPosterFrom({ file: files[0]! });
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
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void choose()}>
          Change poster…
        </button>
        {film.poster?.kind === 'image' && (
          <button type="button" className="button-quiet" disabled={busy} onClick={() => void remove()}>
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
