import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { DistanceUnit } from "@/lib/distance-units";
import type { Viewer } from "@/server/auth/viewer";
import { api } from "@/trpc/server";

// Page gating for the two signed-in areas. The data itself is guarded by the procedures;
// this only decides which page a person sees.
export async function requireViewer<K extends Viewer["kind"]>(kind: K): Promise<Extract<Viewer, { kind: K }>> {
  const me = await (await api()).viewer.me();
  if (!me) redirect("/sign-in");
  if (me.kind !== kind) forbidden();
  return me as Extract<Viewer, { kind: K }>;
}

/** The unit the signed-in person reads and types distances in (the viewer decides it, once). */
export async function viewerDistanceUnit(): Promise<DistanceUnit> {
  return (await (await api()).viewer.me())?.distanceUnit ?? "km";
}
