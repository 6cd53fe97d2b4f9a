// Stride's service worker, hand-written and small on purpose: the portal's pages open offline
// as last seen, a page never opened on this phone says it is offline (with the pages that do
// open), and the app's own files load from the cache. Logged sessions are not queued here but
// in the page (IndexedDB), where the client sees them "waiting to send".
// The build's id, written in by the route that serves this file (route.ts): each deploy gets
// new cache names, and "activate" drops the old ones.
const VERSION = "stride-__BUILD_ID__";
const PAGES = `${VERSION}-pages`;
const ASSETS = `${VERSION}-assets`;
const PORTAL_PAGES = ["/portal", "/portal/log", "/portal/run", "/portal/history"];
// The portal's navigation, for naming pages on the offline page.
const PAGE_NAMES = {
  "/portal": "Today",
  "/portal/log": "Log drills",
  "/portal/run": "Log a run",
  "/portal/history": "History",
  "/portal/progress": "Progress",
  "/portal/sessions": "My sessions",
  "/portal/book": "Book a session",
  "/portal/billing": "Membership",
  "/portal/my-data": "My data",
};

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

  // Portal pages: the network first (fresh data), the last copy when offline, else a page that
  // says so. Showing Today in place of a page never opened here hid that the person was offline.
  if (request.mode === "navigate" && url.pathname.startsWith("/portal")) {
    event.respondWith(refresh(request).catch(async () => (await caches.match(url.pathname, { cacheName: PAGES })) ?? offlinePage(url.pathname)));
  }
});

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

// The answer for a portal page with no copy on this phone: what happened, what opens offline.
async function offlinePage(pathname) {
  const cache = await caches.open(PAGES);
  const kept = new Set((await cache.keys()).map((key) => new URL(key.url).pathname));
  const available = Object.keys(PAGE_NAMES).filter((path) => kept.has(path) && path !== pathname);
  const name = PAGE_NAMES[pathname];
  const links = available.map((path) => `<li><a href="${path}">${PAGE_NAMES[path]}</a></li>`).join("");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>You are offline · Stride</title>
<style>
  body { margin: 0; font-family: ui-sans-serif, system-ui, sans-serif; background: #fafaf9; color: #1c1917; line-height: 1.5; }
  main { max-width: 36rem; margin: 0 auto; padding: 2rem 1.25rem; }
  h1 { font-size: 1.5rem; margin: 0 0 0.75rem; }
  h2 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
  ul { padding-left: 1.25rem; }
  li { margin: 0.375rem 0; }
  a { color: #1d4ed8; font-weight: 600; }
  .card { background: #fff; border: 1px solid #e7e5e4; border-radius: 0.75rem; padding: 1.25rem; }
</style>
</head>
<body>
<main>
<div class="card">
<h1>You are offline</h1>
<p>${name ? escapeHtml(name) : "This page"} has not been opened on this phone yet, so there is no copy of it to show without a connection. It opens once you are back online.</p>
${kept.has("/portal/log") ? "<p>Logs you save while offline wait on this phone and are sent as soon as you are back online.</p>" : ""}
${
  available.length
    ? `<h2>Open without a connection</h2><ul>${links}</ul>`
    : "<p>No page of the portal is kept on this phone yet: open the portal once while online.</p>"
}
<p><a href="${escapeHtml(pathname)}">Try again</a></p>
</div>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      // Made here, not by the server: it carries its own policy (no scripts at all).
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'",
    },
  });
}

// Push notifications (src/server/push/send.ts sends { title, body, url, tag }). A notification
// opens a page of this app only: a payload naming another origin opens the app's home.
function samePath(url) {
  try {
    const target = new URL(url, self.location.origin);
    return target.origin === self.location.origin ? target.pathname + target.search + target.hash : "/";
  } catch {
    return "/";
  }
}

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  const url = samePath(typeof data.url === "string" ? data.url : "/");
  event.waitUntil(
    self.registration.showNotification(typeof data.title === "string" && data.title ? data.title : "Stride", {
      body: typeof data.body === "string" ? data.body : "",
      // One notification per page: a second message in a conversation replaces the first.
      tag: typeof data.tag === "string" ? data.tag : url,
      renotify: true,
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      data: { url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = samePath(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const same = open.find((c) => new URL(c.url).pathname + new URL(c.url).search === url);
      if (same) return same.focus();
      // Only a page this worker controls can be navigated (navigate() rejects any other): a
      // trainer's dashboard tab is outside the /portal scope, and a page opened while the worker
      // was installing is not controlled until it reloads. Those get a new window instead.
      const controlled = await self.clients.matchAll({ type: "window" });
      const any = controlled.find((c) => new URL(c.url).origin === self.location.origin && "navigate" in c);
      if (any) {
        await any.focus();
        const navigated = await any.navigate(url).catch(() => null);
        if (navigated) return navigated;
      }
      return self.clients.openWindow(url);
    })(),
  );
});
