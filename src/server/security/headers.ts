// Stride's response headers, as pure functions so each rule is unit-tested. The proxy
// (src/proxy.ts) calls them per request: a page needs a fresh nonce, and HSTS depends on the
// runtime APP_URL, which next.config.ts headers (frozen at build time) cannot see.

export type PolicyOptions = {
  /** A fresh, unguessable value per response; Next.js puts it on its own scripts and styles. */
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval, and styles are injected inline. */
  isDev: boolean;
  isHttps: boolean;
  /** Other sites a form may submit to (a no-JavaScript checkout form redirects to Stripe). */
  formTargets?: string[];
  /** Where form-check videos and posters are fetched from besides 'self' (the S3 store's signed URLs). */
  mediaOrigins?: string[];
};

/**
 * The page policy: only scripts carrying this response's nonce run, and what they load
 * ('strict-dynamic'), so an injected <script> does nothing. Style attributes stay allowed
 * (style-src-attr): React `style` props, Recharts' SVG and Next's route announcer use them,
 * and an attribute cannot hold selectors, so injected CSS cannot read the page; <style>
 * elements still need the nonce. The service worker and manifest are same-origin files.
 */
export function contentSecurityPolicy({ nonce, isDev, isHttps, formTargets = [], mediaOrigins = [] }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(isDev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    // A video's poster and file redirect to the S3 store's signed URLs when videos are kept there.
    ["img-src", "'self'", "data:", "blob:", ...mediaOrigins],
    // blob:: a picked form-check clip is read on the phone (its length) before it is sent.
    ["media-src", "'self'", "blob:", ...mediaOrigins],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    // With 'strict-dynamic', 'self' in script-src no longer covers workers: name it here.
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["frame-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", "'none'"],
    // On plain http (localhost) this would send every same-origin request to https.
    ...(isHttps ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** API answers (JSON, CSV, ICS) are never documents to render or frame. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Two years, the preload list's minimum; only ever sent over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * Headers every response carries, whatever the request: set in next.config.ts so static
 * files get them too. No policy here needs the runtime environment.
 */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors supersedes it in current browsers; old ones only know this.
  { key: "X-Frame-Options", value: "DENY" },
  // The camera for our own pages only (a client films a form check, issue 22); no microphone,
  // location, payment request or USB; the clipboard (copy the calendar link) stays allowed for
  // our own origin by default.
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  // Stripe Checkout is a full-page redirect, not a popup, so nothing needs an opener.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** The headers the proxy adds to one response. */
export function dynamicSecurityHeaders(options: PolicyOptions & { isPage: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": options.isPage ? contentSecurityPolicy(options) : API_CONTENT_SECURITY_POLICY,
    ...(options.isHttps ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}
