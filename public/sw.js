// Stride's service worker, hand-written and small on purpose: the portal opens offline to
// the last Today it saw, and the app's own files load from the cache. Logged sessions are
// not queued here but in the page (IndexedDB), where the client sees them "waiting to send".
const VERSION = "stride-v1";
const PAGES = `${VERSION}-pages`;
const ASSETS = `${VERSION}-assets`;
const PORTAL_PAGES = ["/portal", "/portal/log", "/portal/run", "/portal/history"];

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => !n.startsWith(VERSION)).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

// The page asks for the portal's pages to be kept once the client is signed in.
self.addEventListener("message", (event) => {
  // Signing out forgets the signed-in pages, so the next person on this phone never sees them offline.
  if (event.data === "forget") event.waitUntil(caches.delete(PAGES));
  if (event.data === "warm") event.waitUntil(Promise.all(PORTAL_PAGES.map((path) => refresh(new Request(path)).catch(() => undefined))));
});

async function refresh(request) {
  const response = await fetch(request, { credentials: "same-origin" });
  // A redirect to sign-in means the session ended: forget the signed-in pages.
  if (response.redirected && new URL(response.url).pathname.startsWith("/sign-in")) {
    await caches.delete(PAGES);
  } else if (response.ok && !response.redirected) {
    const cache = await caches.open(PAGES);
    await cache.put(new URL(request.url).pathname, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  // Built files are content-hashed: the cache is always right.
  if (url.pathname.startsWith("/_next/static/") || /^\/icon-\d+\.png$/.test(url.pathname)) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then(async (response) => {
            if (response.ok) await (await caches.open(ASSETS)).put(request, response.clone());
            return response;
          }),
      ),
    );
    return;
  }

  // Portal pages: the network first (fresh data), the last copy when offline, else Today.
  if (request.mode === "navigate" && url.pathname.startsWith("/portal")) {
    event.respondWith(
      refresh(request).catch(async () => (await caches.match(url.pathname, { cacheName: PAGES })) ?? (await caches.match("/portal", { cacheName: PAGES })) ?? Response.error()),
    );
  }
});
