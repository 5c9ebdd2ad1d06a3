/** Lists: named, ordered gatherings of films ("Best of 1993", "To show the kids"), ranked or not. */
export interface FilmList {
  id: string;
  name: string;
  description: string;
  /** Ranked lists show positions (1, 2, 3 …); unranked lists are still kept in the person's order. */
  ranked: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A film's place in one list. A film can be in many lists, once per list. */
export interface ListEntry {
  id: string;
  listId: string;
  filmId: string;
  /** Sort key within the list; only the order matters, not the numbers. */
  position: number;
  note: string;
  addedAt: string;
}
