import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import withSerwistInit from "@serwist/next";
import createNextIntlPlugin from "next-intl/plugin";

const isProduction = process.env.NODE_ENV === "production";
// The test suite builds into its own folder so that it never fights a running `npm run dev`.
const distDir = process.env.NEXT_DIST_DIR || ".next";

/**
 * Where each build writes its service worker: inside its own output, never public/, so that
 * two builds (the e2e build in .next-e2e, `npm run build` in .next) never serve each other's
 * worker, whose precache list names the other build's chunks and so can never install.
 * Next serves <distDir>/static/** at /_next/static/** (so does Vercel, from the build output);
 * /sw.js is rewritten to it below. Keep in step with WORKER_BUILD_PATH in
 * scripts/production-build.ts.
 */
const WORKER_PATH = "static/serwist/sw.js";

/** Security headers for every response, static files included; the CSP (with its nonce) comes from middleware. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(isProduction
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }]
    : []),
];

/**
 * Public files the service worker precaches with the app shell: the icons and the template
 * previews the generate page shows. Not the install-sheet screenshots (only the install UI
 * needs them). Listed here because Serwist ignores its own public glob once extra entries
 * (the offline page) are given.
 */
function publicPrecacheEntries() {
  const entries = [];
  for (const folder of ["icons", "templates"]) {
    let names = [];
    try {
      names = readdirSync(join("public", folder));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const revision = createHash("md5")
        .update(readFileSync(join("public", folder, name)))
        .digest("hex");
      entries.push({ url: `/${folder}/${name}`, revision });
    }
  }
  return entries;
}

const withSerwist = withSerwistInit({
  swSrc: "src/app/sw.ts",
  swDest: join(distDir, WORKER_PATH),
  // ServiceWorkerProvider registers it (production only) and runs the update prompt.
  register: false,
  // Reloading by itself when the network returns would throw away what the person typed.
  reloadOnOnline: false,
  // Pages seen through client-side navigation are cached by the provider's "cache-page" message.
  cacheOnNavigation: false,
  disable: !isProduction,
  additionalPrecacheEntries: [
    // The offline page's HTML names this build's chunks, so it is fetched again by every build.
    { url: "/~offline", revision: randomUUID() },
    ...publicPrecacheEntries(),
  ],
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir,
  reactStrictMode: true,
  poweredByHeader: false,
  // Metadata (description, canonical, OpenGraph) in <head> for every visitor, not streamed into
  // <body> after it: the pages are dynamic (theme cookie), and Next would otherwise put the
  // head only for the crawlers on its list; browsers, link previewers not on it and audits
  // (Lighthouse: "Document does not have a meta description") read <head>.
  htmlLimitedBots: /.*/,
  // Native or WASM packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "sharp",
    "postgres",
    "ioredis",
  ],
  images: {
    // Next's optimiser (/_next/image) fetched any /api/v1/images/… file it was asked for while
    // the image was public and kept its resized copy for as long as the file's headers allowed,
    // serving it on after the owner made the image private or deleted it. The studio makes
    // its own sizes (every next/image here is `unoptimized`), so the optimiser is switched off:
    // `next start` answers /_next/image with 404. localPatterns is the second lock, for a host
    // that runs the optimiser itself from the build's images manifest (Vercel): the only local
    // files it may read are the public icons, which anyone can fetch anyway.
    unoptimized: true,
    localPatterns: [{ pathname: "/icons/**", search: "" }],
  },
  // Lint and types run as their own CI steps; the build does not repeat them.
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  async rewrites() {
    return {
      // Before the filesystem, so that a public/sw.js left by an older build never wins.
      beforeFiles: [{ source: "/sw.js", destination: `/_next/${WORKER_PATH}` }],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // Browsers must ask for the worker script every time, or an update waits for its max-age.
        // Matched on the address asked for, before the rewrite; set before Next serves the
        // file, so they win over the year-long max-age it gives /_next/static files.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache" },
          { key: "Service-Worker-Allowed", value: "/" },
          { key: "Content-Type", value: "application/javascript; charset=utf-8" },
        ],
      },
    ];
  },
};

/**
 * @serwist/next prepends its window entry to the first script of every page. Here it only
 * builds a Serwist object (register, cacheOnNavigation and reloadOnOnline are all off), yet it
 * puts @serwist/window into every route's first-load JS; ServiceWorkerProvider loads its own
 * after the page is up (lib/pwa/service-worker-client.ts). Remove the entry again.
 */
function withoutSerwistWindowEntry(config) {
  const isSerwistEntry = (file) => /[\\/]@serwist[\\/]next[\\/]dist[\\/]sw-entry\.mjs$/.test(file);
  return {
    ...config,
    webpack(webpackConfig, options) {
      const result = config.webpack ? config.webpack(webpackConfig, options) : webpackConfig;
      const entry = result.entry;
      result.entry = async () => {
        const entries = await (typeof entry === "function" ? entry() : entry);
        for (const name of ["main-app", "main.js"]) {
          const files = entries[name];
          if (Array.isArray(files)) entries[name] = files.filter((file) => !isSerwistEntry(file));
        }
        return entries;
      };
      return result;
    },
  };
}

// next-intl finds each request's language and messages in src/i18n/request.ts.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: {
    // The catalogues are compiled to next-intl's compact message form at build time, so the
    // browser gets a small formatter instead of the ICU message parser.
    messages: { path: "./src/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

export default withoutSerwistWindowEntry(withSerwist(withNextIntl(nextConfig)));
