/** Placeholder: built by its feature's issue work. Wraps the film page's large poster. */
import type { Film } from '../../domain/film';
import { Poster } from './Poster';

export function PosterPicker({ film }: { film: Film }) {
  return <Poster film={film} size="large" />;
}
