import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { S3Config } from "./server/media/storage-s3";
import { parseTrustProxy, type ProxyTrust } from "./server/security/client-address";

// The whole environment, validated once. Everything else imports `env` or `loadEnv`,
// never `process.env` directly, so a missing secret is one clear error at start-up.
const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "1" || v === "true"));

/** pino's levels; `silent` turns logging off. */
export const logLevelSchema = z
  .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent" })
  .optional()
  .or(z.literal("").transform(() => undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  STRIDE_DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  APP_URL: z.url("APP_URL must be a full URL such as https://coach.example.com").optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Stride <no-reply@stride.localhost>"),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): ProxyTrust => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  STRIDE_DEMO: flag,
  /** Hosted mode: `open` lets any trainer start a studio at /sign-up (each paid through their own Stripe account). */
  STRIDE_SIGNUP: z
    .enum(["open", "closed", ""], { error: "STRIDE_SIGNUP must be open or closed (the default)" })
    .optional()
    .transform((v) => (v === "open" ? ("open" as const) : ("closed" as const))),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Hosted mode: the signing secret of the Connect webhook endpoint (events of the studios' connected accounts). */
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().optional(),
  LOG_LEVEL: logLevelSchema,
  /** Web Push (VAPID) keys; unset: generated at first start and kept in the data folder, like AUTH_SECRET. */
  VAPID_PUBLIC_KEY: z.string().optional().or(z.literal("").transform(() => undefined)),
  VAPID_PRIVATE_KEY: z.string().optional().or(z.literal("").transform(() => undefined)),
  /** Who push services may contact about this server's pushes: a mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "VAPID_SUBJECT must be a mailto: address or an https:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Any S3-compatible store for videos (all five, or none: then they are kept under the data folder). */
  S3_ENDPOINT: z.url("S3_ENDPOINT must be a full URL such as https://s3.eu-west-1.amazonaws.com").optional().or(z.literal("").transform(() => undefined)),
  S3_BUCKET: z.string().optional().or(z.literal("").transform(() => undefined)),
  S3_ACCESS_KEY_ID: z.string().optional().or(z.literal("").transform(() => undefined)),
  S3_SECRET_ACCESS_KEY: z.string().optional().or(z.literal("").transform(() => undefined)),
  S3_REGION: z.string().optional().or(z.literal("").transform(() => undefined)),
});

const S3_VARIABLES = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION"] as const;

export type Env = z.infer<typeof envSchema> & {
  /** Embedded PGlite, demo accounts on the sign-in page, outbox shown in the app. */
  isDemo: boolean;
  /** STRIDE_SIGNUP=open: trainers sign up their own studios; payments go to each studio's connected Stripe account. */
  isSignupOpen: boolean;
  appUrl: string;
  dataDir: string;
  /** The S3-compatible store for videos when all five S3_* are set; null: videos are kept under the data folder. */
  s3: S3Config | null;
};

export class EnvError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Stride cannot start: the environment is not valid.\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && e.DATABASE_URL && !e.AUTH_SECRET) {
    throw new EnvError(
      "Stride cannot start: AUTH_SECRET is missing. With DATABASE_URL set in production, set AUTH_SECRET " +
        "to a random value of at least 32 characters (for example: openssl rand -base64 32).",
    );
  }
  if (!!e.VAPID_PUBLIC_KEY !== !!e.VAPID_PRIVATE_KEY) {
    throw new EnvError("Stride cannot start: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (then they are generated and kept in the data folder).");
  }
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) {
    throw new EnvError(
      "Stride cannot start: STRIPE_WEBHOOK_SECRET is missing. With STRIPE_SECRET_KEY set, set STRIPE_WEBHOOK_SECRET to the " +
        "signing secret (whsec_…) of your webhook endpoint, or of `stripe listen` when testing locally.",
    );
  }
  const missing = S3_VARIABLES.filter((name) => !e[name]);
  if (missing.length > 0 && missing.length < S3_VARIABLES.length) {
    throw new EnvError(`Stride cannot start: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing. Set all of ${S3_VARIABLES.join(", ")} to keep videos in an S3-compatible store, or none to keep them in the data folder.`);
  }
  return {
    ...e,
    isDemo: e.STRIDE_DEMO ?? !e.DATABASE_URL,
    isSignupOpen: e.STRIDE_SIGNUP === "open",
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    dataDir: path.resolve(e.STRIDE_DATA_DIR),
    s3:
      e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY && e.S3_REGION
        ? { endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, region: e.S3_REGION }
        : null,
  };
}

let cached: Env | undefined;
/** The validated environment of this process (read lazily so `next build` never needs it). */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

// The embedded default needs no set-up: the first start writes a random secret into the
// data folder and every later start reuses it, so sessions survive restarts.
export function resolveAuthSecret(e: Env = env()): string {
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  const file = path.join(e.dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(e.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
