import { randomUUID } from "node:crypto";
import { expect, type BrowserContext, type Page, type Worker } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { signIn, answerIntakeWithoutFlags } from "./fixtures";
import { test } from "./fixtures/push";

// A fresh client of the second demo studio (invited by Rosa for this run, so no other story's
// messages or lock-outs reach them) joins on a phone, turns notifications on in their account
// settings with the real button, Rosa answers, and the notification the phone shows opens the
// conversation.
//
// What is real: the app's settings UI and its push.subscribe call; the server's job worker that
// sends the push; web-push's encryption and VAPID signature; the HTTP request to the push
// service named by the subscription's endpoint; the app's service worker, which shows the
// notification and handles its click.
//
// What stands in, and why:
// - The push service is web-push-testing (e2e/fixtures/push.ts) on a free port of this machine:
//   headless Chromium subscribes through its vendor's push service, which is out of reach
//   offline. So PushManager.subscribe/getSubscription in the page are replaced (an init script)
//   by ones that hand out a web-push-testing subscription for the app's VAPID key; everything the
//   app does with it is its own code.
// - The hop from the push service to the browser: web-push-testing keeps what it received
//   (decrypting it as a browser would), and the test hands that payload to the page's service
//   worker with CDP ServiceWorker.deliverPushMessage, which fires a real "push" event.
// - The tap on the notification: nothing in CDP clicks a notification, so the test dispatches a
//   NotificationEvent("notificationclick") for the shown notification inside the worker. A
//   script-made event has no user activation: its waitUntil throws and WindowClient.focus() is
//   refused, both of which a real tap allows; so the test takes the handler's waitUntil promise
//   itself and makes focus() succeed for this one event, and the app's handler runs the rest as
//   written (it navigates the open page to the notification's url).

type Subscribed = { endpoint: string; clientHash: string };
const SCOPE = `${baseURL}/portal`;

test("a client turns push on at 390 px, gets a notification for the trainer's answer, and its click opens the conversation", async ({ browser, pushService }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  await phone.grantPermissions(["notifications"], { origin: baseURL });
  let subscribed: Subscribed | undefined;
  await phone.exposeBinding("__pushServiceSubscribe", async (_source, applicationServerKey: string) => {
    const device = await pushService.subscribe(applicationServerKey);
    subscribed = { endpoint: device.endpoint, clientHash: device.clientHash };
    return { endpoint: device.endpoint, keys: device.keys };
  });
  await phone.addInitScript(standInPushManager);

  // Rosa invites the client (her browser stays open to answer later).
  const trainer = await browser.newContext();
  const trainerPage = await trainer.newPage();
  await signIn(trainerPage, "rosa@harbour.test");
  await expect(trainerPage).toHaveURL(/\/dashboard$/);
  const client = { name: "Pia Lund", email: `pia-${randomUUID().slice(0, 8)}@harbour.test` };
  const invite = trainerPage.getByRole("form", { name: "Invite a client" });
  await invite.getByLabel("Client's name").fill(client.name);
  await invite.getByLabel("Client's email").fill(client.email);
  await invite.getByRole("button", { name: "Send invite" }).click();
  const link = new URL((await invite.getByRole("link", { name: `Invite link for ${client.name}` }).getAttribute("href"))!);

  const page = await phone.newPage();
  const cdp = await phone.newCDPSession(page);
  const registrations = new Map<string, string>();
  cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations: list }) => {
    for (const r of list) if (!r.isDeleted) registrations.set(r.scopeURL.replace(/\/$/, ""), r.registrationId);
  });
  await cdp.send("ServiceWorker.enable");

  await page.goto(link.pathname + link.search);
  await page.getByLabel("Choose a password").fill("ping-me-please");
  await page.getByLabel("Your time zone").selectOption("Europe/London");
  await page.getByRole("button", { name: "Join and go to my drills" }).click();
  await answerIntakeWithoutFlags(page);
  await page.goto("/portal/account");
  await page.getByRole("button", { name: "Turn on notifications" }).click();
  await expect(page.getByText("On: this device shows Stride's notifications.")).toBeVisible();
  // Each kind has its own switch; turning one off stays off after a reload.
  const kinds = page.getByRole("group", { name: "What to notify you of" });
  await expect(kinds.getByRole("switch")).toHaveCount(7);
  // The switch moves once the server has the choice (a click, then wait for the state).
  await kinds.getByRole("switch", { name: "A drill unlocked" }).click();
  await expect(kinds.getByRole("switch", { name: "A drill unlocked" })).not.toBeChecked();
  await page.reload();
  await expect(kinds.getByRole("switch", { name: "A drill unlocked" })).not.toBeChecked();
  await expect(kinds.getByRole("switch", { name: "A new message" })).toBeChecked();
  expect(subscribed, "the page subscribed through the push manager").toBeDefined();
  const threadId = await conversationThreadId(page);

  // Rosa answers (through the app's own tRPC endpoint, as the composer does).
  const body = `Good hill session, Pia. Keep the cadence up (${randomUUID().slice(0, 8)}).`;
  await send(trainerPage, threadId, body);

  // The server's worker runs the push job and sends it to the push service the subscription names.
  let payload: string | undefined;
  await expect
    .poll(
      async () => {
        const received = (await pushService.received(subscribed!.clientHash)) as string[];
        payload = received.find((m) => m.includes(body));
        return payload;
      },
      { message: "the push reached the push service", timeout: 30_000 },
    )
    .toBeTruthy();
  expect(JSON.parse(payload!)).toMatchObject({ title: "Message from Rosa Delgado", body, url: "/portal/messages" });

  // The push service's delivery to the phone: into the page's service worker.
  await expect.poll(() => registrations.get(SCOPE), { message: "the portal's service worker is registered" }).toBeTruthy();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const deliver = () => cdp.send("ServiceWorker.deliverPushMessage", { origin: baseURL, registrationId: registrations.get(SCOPE)!, data: payload! });

  // Chromium may drop a push delivered while the worker is still starting: deliver again until it
  // shows. The notification's tag (its url) makes a second delivery replace the first.
  let shown: { title: string; body: string; url: unknown }[] = [];
  await expect
    .poll(
      async () => {
        shown = (await serviceWorker(phone).evaluate(shownNotifications)).filter((n) => n.body === body);
        if (shown.length === 0) await deliver();
        return shown.length;
      },
      { message: "the service worker showed the notification", timeout: 20_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe(1);
  expect(shown[0]).toEqual({ title: "Message from Rosa Delgado", body, url: "/portal/messages" });

  // The tap: the open page goes to the conversation. Only a page the worker controls can be
  // navigated; one opened while the worker was still installing is controlled once reloaded (the
  // worker opens a new window for any other, which a script-made click may not do).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { message: "the page is the worker's" }).toBe(true);
  await serviceWorker(phone).evaluate(clickNotification, body);
  await expect(page).toHaveURL(`${baseURL}/portal/messages`);
  // The conversation opens with the trainer's message in it.
  await expect(page.getByRole("list", { name: "Messages, oldest first" }).getByText(body)).toBeVisible();
  // …and the notification is gone from the phone's list.
  expect((await serviceWorker(phone).evaluate(shownNotifications)).filter((n) => n.body === body)).toEqual([]);

  await trainer.close();
  await phone.close();
});

/**
 * The init script: the page's PushManager hands out a subscription from web-push-testing (through
 * the test's binding) instead of the vendor's push service; it is kept in localStorage, as the
 * browser keeps a real one, so a reload still finds it.
 */
function standInPushManager() {
  const KEPT = "stand-in-push-subscription";
  type Json = { endpoint: string; keys: { p256dh: string; auth: string } };
  const toBase64Url = (key: BufferSource | string | null | undefined) => {
    if (typeof key === "string" || !key) return key ?? "";
    const bytes = key instanceof ArrayBuffer ? new Uint8Array(key) : new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
  const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)).buffer;
  const subscription = (json: Json, options: PushSubscriptionOptionsInit) => ({
    endpoint: json.endpoint,
    expirationTime: null,
    options,
    getKey: (name: "p256dh" | "auth") => fromBase64Url(json.keys[name]),
    toJSON: () => ({ endpoint: json.endpoint, expirationTime: null, keys: json.keys }),
    unsubscribe: async () => {
      localStorage.removeItem(KEPT);
      return true;
    },
  });
  const bind = window as unknown as { __pushServiceSubscribe(key: string): Promise<Json> };
  PushManager.prototype.getSubscription = async function () {
    const kept = localStorage.getItem(KEPT);
    return kept ? (subscription(JSON.parse(kept) as Json, { userVisibleOnly: true }) as unknown as PushSubscription) : null;
  };
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    const json = await bind.__pushServiceSubscribe(toBase64Url(options?.applicationServerKey));
    localStorage.setItem(KEPT, JSON.stringify(json));
    return subscription(json, options ?? {}) as unknown as PushSubscription;
  };
}

type WorkerScope = {
  registration: ServiceWorkerRegistration;
  dispatchEvent(event: Event): boolean;
  NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
  WindowClient: { prototype: { focus(): Promise<unknown> } };
};

// Runs in the service worker.
async function shownNotifications() {
  const scope = globalThis as unknown as WorkerScope;
  const list = await scope.registration.getNotifications();
  return list.map((n) => ({ title: n.title, body: n.body, url: (n.data as { url?: unknown } | null)?.url }));
}

// Runs in the service worker: the stand-in for a tap (see the top of this file).
async function clickNotification(body: string) {
  const scope = globalThis as unknown as WorkerScope;
  const [notification] = (await scope.registration.getNotifications()).filter((n) => n.body === body);
  if (!notification) throw new Error("no such notification");
  const focus = scope.WindowClient.prototype.focus;
  scope.WindowClient.prototype.focus = async function (this: unknown) {
    scope.WindowClient.prototype.focus = focus;
    return this;
  };
  // The handler's waitUntil is taken here (a script-made event's own would throw), so the test
  // waits for the handler's work and sees its error if it fails.
  const event = new scope.NotificationEvent("notificationclick", { notification });
  let work: Promise<unknown> = Promise.resolve();
  Object.defineProperty(event, "waitUntil", { value: (promise: Promise<unknown>) => void (work = promise) });
  scope.dispatchEvent(event);
  await work;
}

function serviceWorker(context: BrowserContext): Worker {
  const worker = context.serviceWorkers().find((w) => w.url() === `${baseURL}/sw.js`);
  if (!worker) throw new Error("the portal's service worker is not running");
  return worker;
}

async function conversationThreadId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const input = encodeURIComponent(JSON.stringify({ json: {} }));
    const conversation = await (await fetch(`/api/trpc/message.conversation?input=${input}`)).json();
    return conversation.result.data.json.threadId as string;
  });
}

async function send(page: Page, threadId: string, body: string) {
  await page.evaluate(
    async ({ threadId, body }) => {
      const sent = await fetch("/api/trpc/message.send", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: { threadId, id: crypto.randomUUID(), body } }) });
      if (!sent.ok) throw new Error(`message.send answered ${sent.status}: ${await sent.text()}`);
    },
    { threadId, body },
  );
}
