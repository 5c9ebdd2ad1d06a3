/** Placeholder: built by its feature's issue work. */
export function DiaryPage(props: { id?: string }) {
  void props;
  return (
    <section className="page">
      <h1 className="page-title">DiaryPage</h1>
    </section>
  );
}
