/**
 * A film's poster: an image the person set (its thumbnail in the grid, the full image on the film page), a bundled
 * image (Red Hot's, from resources/posters), or a typographic card made from the title and year so every film has
 * a face in the grid.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { Film } from '../../domain/film';
import { posterImage, posterThumbnail } from '../../db/posters';
import redHotPoster from '../../../../resources/posters/red-hot.svg';

const bundledPosters: Readonly<Record<string, string>> = { 'red-hot': redHotPoster };

/** The URL of a poster shipped with the app, by name (exports read its bytes from here). */
export function bundledPosterUrl(name: string): string | undefined {
  return bundledPosters[name];
}

/** A stable hue from the title, so a film's placeholder keeps its colour. */
function titleHue(title: string): number {
  let hash = 0;
  for (const char of title) hash = (hash * 31 + char.codePointAt(0)!) % 360;
  return hash;
}

interface PosterProps {
  film: Pick<Film, 'title' | 'year' | 'poster'>;
  size: 'small' | 'large';
  /** In a card whose text already names the film, the poster is decoration and stays silent. */
  decorative?: boolean;
}

function PosterPlaceholder({ film, size, decorative = false }: PosterProps) {
  const label = decorative ? {} : { role: 'img', 'aria-label': `No poster for ${film.title}` };
  return (
    <div
      className={`poster poster-${size} poster-placeholder`}
      style={{ ['--poster-hue' as string]: titleHue(film.title) }}
      {...label}
      aria-hidden={decorative || undefined}
    >
      <span className="poster-placeholder-title">{film.title}</span>
      {film.year !== null && <span className="poster-placeholder-year">{film.year}</span>}
    </div>
  );
}

/**
 * A stored poster image. The Blob is shown through an object URL made in an effect and revoked when the Blob
 * changes or the poster leaves the screen; it is set on the element directly, so a StrictMode remount (which
 * revokes and makes it again) never leaves a revoked URL rendered.
 */
function ImagePoster(props: PosterProps & { posterId: string }) {
  const { film, size, decorative = false, posterId } = props;
  const stored = useLiveQuery(
    async () => (await (size === 'small' ? posterThumbnail(posterId) : posterImage(posterId))) ?? null,
    [posterId, size],
  );
  // Replacing a poster deletes the old record and repoints the film in one transaction, but the two live queries
  // answer separately: keep the last image up for that moment rather than flash the typographic card.
  const [lastShown, setLastShown] = useState<Blob | null>(null);
  if (stored && stored !== lastShown) setLastShown(stored);
  const blob = stored === null ? lastShown : stored;

  const img = useRef<HTMLImageElement>(null);
  useEffect(() => {
    if (!blob || !img.current) return;
    const element = img.current;
    const url = URL.createObjectURL(blob);
    element.src = url;
    // A decoded image stays on screen after its URL is revoked, so a new Blob replaces the old without a blank.
    return () => URL.revokeObjectURL(url);
  }, [blob]);

  // The record is gone (a half-finished import, say): the typographic card rather than a broken image.
  if (blob === null) return <PosterPlaceholder film={film} size={size} decorative={decorative} />;
  return (
    <img
      ref={img}
      className={`poster poster-${size}`}
      alt={decorative ? '' : `Poster of ${film.title}`}
      draggable={false}
      aria-busy={blob === undefined || undefined}
    />
  );
}

export function Poster({ film, size, decorative = false }: PosterProps) {
  if (film.poster?.kind === 'image') {
    return <ImagePoster film={film} size={size} decorative={decorative} posterId={film.poster.posterId} />;
  }
  const src = film.poster?.kind === 'bundled' ? bundledPosters[film.poster.name] : undefined;
  if (src) {
    const alt = decorative ? '' : `Poster of ${film.title}`;
    return <img className={`poster poster-${size}`} src={src} alt={alt} draggable={false} />;
  }
  return <PosterPlaceholder film={film} size={size} decorative={decorative} />;
}
