import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { exportFileName, readMe } from "./export";
import { exportFiles } from "./files";
import { zipStream } from "./zip";

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of chunks) parts.push(part);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

describe("the export's files", () => {
  it("the studio gets the client list; a client gets their profile and signed-in devices; both get every kind of row", () => {
    const rows = ["assignments.csv", "assignment-versions.csv", "unlocks.csv", "sessions.csv", "entries.csv", "runs.csv", "bookings.csv", "subscriptions.csv", "invoices.csv", "pack-purchases.csv", "credit-ledger.csv", "messages.csv", "checkins.csv", "checkin-schedules.csv", "videos.csv", "video-comments.csv"];
    expect(exportFiles("studio").map((f) => f.name)).toEqual(["clients.csv", ...rows]);
    expect(exportFiles("client").map((f) => f.name)).toEqual(["profile.csv", ...rows, "signed-in-devices.csv", "notifications.csv"]);
  });

  it("every file says its client and money comes with its currency", () => {
    for (const file of exportFiles("studio")) {
      expect(file.header, file.name).toContain("client_id");
      for (const column of file.header.filter((h) => h.endsWith("amount_minor"))) {
        expect(file.header, `${file.name}: ${column}`).toContain(column === "amount_minor" ? "currency" : column.replace("amount_minor", "currency"));
      }
    }
  });

  it("zips files streamed in chunks, with their names and contents", async () => {
    async function* csv() {
      yield "a,b\r\n";
      yield "1,'=2\r\n";
    }
    const zip = await collect(zipStream([{ name: "README.txt", chunks: ["hello"] }, { name: "x.csv", chunks: csv() }, { name: "empty.csv", chunks: [] }], new Date("2026-01-02T03:04:05Z")));
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(["README.txt", "x.csv", "empty.csv"]);
    expect(strFromU8(files["x.csv"]!)).toBe("a,b\r\n1,'=2\r\n");
    expect(strFromU8(files["empty.csv"]!)).toBe("");
  });

  it("names the studio's download after the studio and the day", () => {
    const name = (studioSlug: string) => exportFileName({ audience: "studio", studioSlug, personName: "Morgan Reid", localDate: "2026-03-29" });
    expect(name("morgan-reid-running")).toBe("stride-morgan-reid-running-2026-03-29.zip");
    expect(name("Odd Slug!")).toBe("stride-odd-slug-2026-03-29.zip");
  });

  it("gives a trainer's and a client's download their own names, never the studio's", () => {
    const base = { studioSlug: "morgan-reid-running", localDate: "2026-03-29" };
    expect(exportFileName({ ...base, audience: "coach", personName: "Tom Okafor" })).toBe("stride-morgan-reid-running-clients-of-tom-okafor-2026-03-29.zip");
    expect(exportFileName({ ...base, audience: "client", personName: "Zoë O'Brien" })).toBe("stride-my-data-zoe-o-brien-2026-03-29.zip");
    expect(exportFileName({ ...base, audience: "client", personName: "李" })).toBe("stride-my-data-client-2026-03-29.zip");
  });

  it("the read-me lists every file", () => {
    const files = exportFiles("client");
    const text = readMe({ studioName: "Harbour", audience: "client", files, createdAt: new Date("2026-01-01T00:00:00Z"), clientCount: 1 });
    for (const f of files) expect(text).toContain(`- ${f.name}: `);
    expect(text).toContain("Your data at Harbour");
  });
});
