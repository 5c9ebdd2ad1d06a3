/** Placeholder: built by its feature's issue work. */
export function ListsPage(props: { id?: string }) {
  void props;
  return (
    <section className="page">
      <h1 className="page-title">ListsPage</h1>
    </section>
  );
}
