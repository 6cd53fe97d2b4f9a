// Structured JSON lines on stdout/stderr: one object per event, with the request id when
// there is one. Kept dependency-free until the hardening issue brings pino.
type Fields = Record<string, unknown> & { err?: unknown };

function write(level: "info" | "warn" | "error", fields: Fields, msg: string) {
  const { err, ...rest } = fields;
  const error = err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : err;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...rest, ...(error ? { err: error } : {}) });
  if (process.env.NODE_ENV === "test" && level !== "error") return;
  (level === "error" ? console.error : console.log)(line);
}

export const logger = {
  info: (fields: Fields, msg: string) => write("info", fields, msg),
  warn: (fields: Fields, msg: string) => write("warn", fields, msg),
  error: (fields: Fields, msg: string) => write("error", fields, msg),
};
