/** Placeholder: built by its feature's issue work. */
export function LoanedOutPage(props: { id?: string }) {
  void props;
  return (
    <section className="page">
      <h1 className="page-title">LoanedOutPage</h1>
    </section>
  );
}
