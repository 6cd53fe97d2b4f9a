// The demo studio's people. Shown on the sign-in page in demo mode only.
export const DEMO_PASSWORD = "stride-demo";

export const DEMO_STUDIO = { name: "Morgan Reid Running", slug: "morgan-reid-running", timeZone: "Europe/London" } as const;

export const DEMO_TRAINERS = [
  { name: "Morgan Reid", email: "morgan@stride.test", role: "owner", timeZone: "Europe/London", description: "Owner and head running coach" },
  { name: "Priya Shah", email: "priya@stride.test", role: "trainer", timeZone: "Europe/London", description: "Trainer" },
  { name: "Tom Becker", email: "tom@stride.test", role: "trainer", timeZone: "America/New_York", description: "Trainer, coaches remotely" },
] as const;

export const DEMO_CLIENTS = [
  { name: "Alex Morgan", email: "alex@stride.test", coach: "morgan@stride.test", timeZone: "Europe/London" },
  { name: "Bea Lindqvist", email: "bea@stride.test", coach: "morgan@stride.test", timeZone: "Europe/London" },
  { name: "Chidi Okafor", email: "chidi@stride.test", coach: "morgan@stride.test", timeZone: "Europe/London" },
  { name: "Dana Whitfield", email: "dana@stride.test", coach: "morgan@stride.test", timeZone: "America/New_York" },
  { name: "Eli Navarro", email: "eli@stride.test", coach: "morgan@stride.test", timeZone: "Europe/Madrid" },
  { name: "Fran Kowalski", email: "fran@stride.test", coach: "morgan@stride.test", timeZone: "Europe/Warsaw" },
  { name: "Gus Hartley", email: "gus@stride.test", coach: "priya@stride.test", timeZone: "Europe/London" },
  { name: "Hana Sato", email: "hana@stride.test", coach: "priya@stride.test", timeZone: "Asia/Tokyo" },
  { name: "Isla Brennan", email: "isla@stride.test", coach: "priya@stride.test", timeZone: "Europe/Dublin" },
  { name: "Jonah Price", email: "jonah@stride.test", coach: "tom@stride.test", timeZone: "America/New_York" },
  { name: "Kira Mensah", email: "kira@stride.test", coach: "tom@stride.test", timeZone: "America/Chicago" },
  { name: "Leo Fischer", email: "leo@stride.test", coach: "tom@stride.test", timeZone: "Australia/Sydney" },
] as const;

// A second, smaller studio: shows that each studio sees only its own people.
export const OTHER_STUDIO = { name: "Harbour Track Club", slug: "harbour-track-club", timeZone: "America/New_York" } as const;
export const OTHER_TRAINERS = [
  { name: "Rosa Delgado", email: "rosa@harbour.test", role: "owner", timeZone: "America/New_York", description: "Owner of another studio (Harbour Track Club)" },
] as const;
export const OTHER_CLIENTS = [
  { name: "Sam Ortiz", email: "sam@harbour.test", coach: "rosa@harbour.test", timeZone: "America/New_York" },
  { name: "Tess Alder", email: "tess@harbour.test", coach: "rosa@harbour.test", timeZone: "America/New_York" },
  // The pain-gated method's runners (seed/pain-gate.ts, e2e/pain-gated-progression.e2e.ts).
  { name: "Uma Reyes", email: "uma@harbour.test", coach: "rosa@harbour.test", timeZone: "America/New_York" },
  { name: "Vic Osei", email: "vic@harbour.test", coach: "rosa@harbour.test", timeZone: "America/New_York" },
] as const;

export const DEMO_ACCOUNTS = [
  ...DEMO_TRAINERS.map((t) => ({ name: t.name, email: t.email, description: t.description })),
  { name: "Alex Morgan", email: "alex@stride.test", description: "Client of Morgan (and 11 more clients: bea@, chidi@, … leo@stride.test)" },
  ...OTHER_TRAINERS.map((t) => ({ name: t.name, email: t.email, description: t.description })),
];
