import { z } from "zod";

// Zod 4 compiles object parsers with `new Function` when it may, and finds out by trying
// once. Under our Content-Security-Policy (no 'unsafe-eval') that try is blocked and
// reported as a violation in the browser; jitless parsing is what runs there anyway.
if (typeof window !== "undefined") z.config({ jitless: true });
