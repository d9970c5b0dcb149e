/**
 * The baseline of bench/lighthouse: an almost empty Next.js page, built with the repo's own
 * `next` into its own folder (never the studio's .next or .next-e2e). Plain JavaScript, so the
 * studio's tsconfig, lint and test runner never see it as part of the app.
 */
/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: ".next-baseline",
  reactStrictMode: true,
  poweredByHeader: false,
  eslint: { ignoreDuringBuilds: true },
};

export default nextConfig;
