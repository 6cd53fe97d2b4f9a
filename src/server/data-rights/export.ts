import { slugify } from "@/lib/slug";
import type { Queryable } from "@/server/db/client";
import { localDateIn } from "@/lib/local-date";
import { usableZone } from "@/lib/time-zones";
import { csvRow, isoInstant } from "./csv";
import { exportFiles, type ExportFile, type FileContext } from "./files";
import { exportClients, exportStudio, type ExportScope } from "./scope";
import { messagePhotoFiles } from "./photo-files";
import { exportedVideoFiles } from "./video-files";
import { mediaStore } from "@/server/media/storage-select";
import type { MediaStore } from "@/server/media/storage";
import { importedRunFiles } from "./run-files";
import { zipStream, type ZipEntry } from "./zip";

/**
 * The download's name, dated on the downloader's clock, so a client's own zip never looks like
 * the studio's: stride-<studio>-<date>.zip for the owner's whole studio,
 * stride-<studio>-clients-of-<trainer>-<date>.zip for a trainer's clients,
 * stride-my-data-<client>-<date>.zip for a client's own data.
 */
export function exportFileName(input: { audience: "studio" | "coach" | "client"; studioSlug: string; personName: string; localDate: string }): string {
  const studio = slugify(input.studioSlug, "studio");
  if (input.audience === "client") return `stride-my-data-${slugify(input.personName, "client")}-${input.localDate}.zip`;
  if (input.audience === "coach") return `stride-${studio}-clients-of-${slugify(input.personName, "trainer")}-${input.localDate}.zip`;
  return `stride-${studio}-${input.localDate}.zip`;
}

/** A download the caller may make: the scope the zip is built from, and its file name. */
export async function exportDownload(q: Queryable, scope: ExportScope, downloader: { name: string; timeZone: string; now: Date }) {
  const studio = await exportStudio(q, scope.studioId);
  const audience = scope.audience === "client" ? "client" : scope.coachMemberId ? "coach" : "studio";
  const localDate = localDateIn(downloader.now, usableZone(downloader.timeZone));
  return { scope, fileName: exportFileName({ audience, studioSlug: studio.slug, personName: downloader.name, localDate }) };
}

/** What the archive holds, for the person who opens it. */
export function readMe(input: { studioName: string; audience: ExportScope["audience"]; files: readonly ExportFile[]; createdAt: Date; clientCount: number }): string {
  const who =
    input.audience === "client"
      ? `Your data at ${input.studioName}: your profile and every row about you.`
      : `${input.studioName}: ${input.clientCount} client${input.clientCount === 1 ? "" : "s"} and every row about them.`;
  return [
    "Stride data export",
    "",
    who,
    `Created ${isoInstant(input.createdAt)} (UTC).`,
    "",
    "Files (CSV, UTF-8, comma separated, first row is the header):",
    ...input.files.map((f) => `- ${f.name}: ${f.header.join(", ")}`),
    "",
    "Times ending in _utc are ISO 8601 instants in UTC. Columns ending in _local are the same",
    "instant on the client's own clock, in the zone named in time_zone. local_date is the",
    "client's calendar day when it was logged.",
    "Money is in minor units (amount_minor: pence, cents) with an ISO currency code; the",
    "amount column is the same figure as a decimal.",
    "Distances are stored in whole metres (distance_m); distance_km and distance_mi are the",
    "same distance in kilometres and in miles, to two decimals.",
    "Refunds of credits are rows of kind 'refund' in credit-ledger.csv; money refunds are made",
    "in Stripe and are not held by Stride.",
    "A cell that starts with ' had a leading = + - or @ and was defused for spreadsheets.",
    "Deleted clients appear as 'Deleted client': their payments stay in the studio's books.",
    "Photos sent in messages are in photos/, named in messages.csv's photo column.",
    "Runs imported from a watch: the original files (FIT, GPX, TCX) are in run-files/, named in",
    "runs.csv's file_names column; for those runs duration_s is the moving time and elapsed_s",
    "the clock time, and ground_contact_balance_left is the left foot's share in percent.",
    "Check-ins and the health questionnaire (kind 'intake') are in checkins.csv, one row per",
    "answer, with the question as it was worded; pain reads as place, side and score out of 10",
    "(\"left knee 6\"), and a place not listed did not hurt. red_flag is yes when the answers",
    "included a yes to a question that holds training until the coach has read it; cleared_at_utc",
    "and cleared_by say when and by whom. Comments on a check-in are in messages.csv with its",
    "checkin_response_id.",
    "Form-check videos are in videos/, named in videos.csv's file column (the phone-friendly",
    "copy the app plays, without the phone's location; the original while there is no copy).",
    "The trainer's comments pinned to a moment of a video are in video-comments.csv (at_s is",
    "the moment, in seconds from the start).",
    "",
  ].join("\r\n");
}

/** The export of a scope as a streamed zip: a read-me and one CSV per kind of row. */
export async function streamExport(q: Queryable, scope: ExportScope, now: Date, store: () => MediaStore = mediaStore): Promise<AsyncGenerator<Uint8Array>> {
  const [studio, clients] = await Promise.all([exportStudio(q, scope.studioId), exportClients(q, scope)]);
  const files = exportFiles(scope.audience);
  const ctx: FileContext = { q, studioId: scope.studioId, clients };
  async function* csv(file: ExportFile): AsyncIterable<string> {
    yield csvRow(file.header);
    for await (const rows of file.rows(ctx)) yield rows.map(csvRow).join("");
  }
  async function* entries(): AsyncIterable<ZipEntry> {
    yield { name: "README.txt", chunks: [readMe({ studioName: studio.name, audience: scope.audience, files, createdAt: now, clientCount: clients.length })] };
    for (const file of files) yield { name: file.name, chunks: csv(file) };
    // The photos sent in messages, each named in messages.csv's photo column; read one at a time.
    for await (const photo of messagePhotoFiles(ctx)) yield { name: photo.name, chunks: [photo.bytes] };
    // The watch's files runs were imported from, each named in runs.csv's file_names.
    for await (const file of importedRunFiles(ctx)) yield { name: file.name, chunks: [file.bytes] };
    // Form-check videos, each named in videos.csv's file column; streamed from the media store.
    for await (const video of exportedVideoFiles(ctx, store())) yield video;
  }
  return zipStream(entries(), now);
}
