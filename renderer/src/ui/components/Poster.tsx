/**
 * A film's poster: a bundled image (Red Hot's, from resources/posters), or a typographic card made from the
 * title and year so every film has a face in the grid.
 */
import type { Film } from '../../domain/film';
import redHotPoster from '../../../../resources/posters/red-hot.svg';

const bundledPosters: Readonly<Record<string, string>> = { 'red-hot': redHotPoster };

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

export function Poster({ film, size, decorative = false }: PosterProps) {
  const src = film.poster?.kind === 'bundled' ? bundledPosters[film.poster.name] : undefined;
  if (src) {
    const alt = decorative ? '' : `Poster of ${film.title}`;
    return <img className={`poster poster-${size}`} src={src} alt={alt} draggable={false} />;
  }
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
