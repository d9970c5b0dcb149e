export default function Page() {
  return (
    <main>
      <h1>Baseline</h1>
      <p>An almost empty Next.js 15 page, built and measured in the same run as the studio.</p>
    </main>
  );
}
