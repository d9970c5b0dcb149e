export const metadata = {
  title: "Baseline",
  description: "An almost empty Next.js page, measured beside the studio by bench/lighthouse.",
};

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
