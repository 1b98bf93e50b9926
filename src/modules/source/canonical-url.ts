// URL canonicalization: one document, one URL, however it was linked.

/** Query parameters that track the click, not the document. */
const TRACKING_PARAMETERS = [
  /^utm_/i,
  /^fbclid$/i,
  /^gclid$/i,
  /^mc_(cid|eid)$/i,
  /^ocid$/i,
  /^ref_src$/i,
  /^igshid$/i,
];

/**
 * Lower-cases scheme and host, drops the default port, the fragment and tracking
 * parameters, sorts the remaining query parameters and removes a trailing slash from
 * the path. `www.` is kept: with and without it can be different sites.
 */
export function canonicalUrl(input: string): string {
  let canonical = recent.get(input);
  if (canonical === undefined) {
    canonical = canonicalize(input);
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(input, canonical);
  }
  return canonical;
}

/**
 * URLs canonicalized lately, as given: a bulk import asks for the same URL several times
 * per line (to look its source up, to plan it, to key it) and for the same outlets' URLs
 * across thousands of lines, and parsing one with URL costs more than the rest of its
 * line's reference work. Cleared when full.
 */
const recent = new Map<string, string>();
const RECENT_LIMIT = 10_000;

function canonicalize(input: string): string {
  const url = new URL(input.trim());
  url.hash = "";
  url.hostname = url.hostname.toLowerCase();
  if ((url.protocol === "http:" && url.port === "80") || (url.protocol === "https:" && url.port === "443")) {
    url.port = "";
  }
  const kept = [...url.searchParams.entries()].filter(
    ([name]) => !TRACKING_PARAMETERS.some((pattern) => pattern.test(name)),
  );
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) {
    url.pathname = url.pathname.replace(/\/+$/, "");
  }
  return url.toString();
}
