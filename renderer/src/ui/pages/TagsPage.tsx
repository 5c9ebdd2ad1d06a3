/** Placeholder: built by its feature's issue work. */
export function TagsPage(props: { id?: string }) {
  void props;
  return (
    <section className="page">
      <h1 className="page-title">TagsPage</h1>
    </section>
  );
}
