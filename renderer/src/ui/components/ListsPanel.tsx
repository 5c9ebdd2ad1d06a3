/** Placeholder: built by its feature's issue work. */
export function ListsPanel({ filmId }: { filmId: string }) {
  void filmId;
  return null;
}
