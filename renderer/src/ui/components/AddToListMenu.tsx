/** Placeholder: built by its feature's issue work. */
export function AddToListMenu({ filmIds }: { filmIds: string[] }) {
  void filmIds;
  return null;
}
