/**
 * Cover images an import brings (Tellico) are decoded and thumbnailed before the preview, exactly as a poster a
 * person picks is: a cover that is not an image, too big or broken is listed as skipped, and only covers that will
 * really be stored are counted.
 */
import type { PreparedImportPoster } from '../../db/imports';
import { filmDisplayTitle } from '../../domain/film';
import type { ImportPlan, SkippedRecord } from '../../domain/exchange/import-plan';
import { preparePoster, type ThumbnailMaker, browserThumbnailMaker } from '../film/poster-images';

export interface PreparedCovers {
  posters: Record<string, PreparedImportPoster>;
  skipped: SkippedRecord[];
}

export async function prepareImportPosters(
  plan: ImportPlan,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
  makeThumbnail: ThumbnailMaker = browserThumbnailMaker,
): Promise<PreparedCovers> {
  const wanted = plan.films.filter((film) => film.posterPath !== undefined && plan.images[film.posterPath]);
  const posters: Record<string, PreparedImportPoster> = {};
  const skipped: SkippedRecord[] = [];
  for (const [index, film] of wanted.entries()) {
    if (signal.aborted) throw new DOMException('Import cancelled', 'AbortError');
    const path = film.posterPath!;
    if (posters[path]) continue;
    const image = plan.images[path]!;
    const result = await preparePoster({ fileName: path, bytes: image.bytes }, makeThumbnail);
    if (result.ok) posters[path] = result.poster;
    else skipped.push({ origin: { file: path, line: null }, title: filmDisplayTitle(film.fields), reason: `Its cover was left out: ${result.error}` });
    onProgress(index + 1, wanted.length);
  }
  return { posters, skipped };
}
