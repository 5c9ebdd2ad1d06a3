/** Placeholder: built by its feature's issue work. */
export function CopiesPanel({ filmId }: { filmId: string }) {
  void filmId;
  return null;
}
