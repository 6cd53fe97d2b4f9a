// A bench server in a process of its own (as Stride is), so it does not share an event loop
// with the load generator: the module at `moduleUrl` is run with its options in a JSON file
// and serves once `isUp` says so. The bare servers of the read and the write start this way.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export async function startChildServer(moduleUrl: string, options: { port: number }, what: string, isUp: (url: string) => Promise<boolean>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bench-child-"));
  const config = path.join(dir, "config.json");
  fs.writeFileSync(config, JSON.stringify(options));
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(moduleUrl), config], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited before it served`);
    try {
      if (await isUp(url)) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer within a minute`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether this module is the one node was started with (a child server's entry point). */
export const isEntryPoint = (moduleUrl: string) => Boolean(process.argv[1]) && fileURLToPath(moduleUrl) === path.resolve(process.argv[1]!);

/** The options the parent wrote for this child server. */
export const childOptions = <T>(): T => JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as T;
