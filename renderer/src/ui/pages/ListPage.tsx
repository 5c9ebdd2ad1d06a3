/** Placeholder: built by its feature's issue work. */
export function ListPage(props: { id?: string }) {
  void props;
  return (
    <section className="page">
      <h1 className="page-title">ListPage</h1>
    </section>
  );
}
