"use server";

import { currentUserId, signOut } from "@/server/auth/next-auth";
import { signOutEverywhere } from "@/server/auth/service";
import { getDb } from "@/server/db/client";

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of the signed-in person (a lost phone, a shared computer), this one too. */
export async function signOutEverywhereAction() {
  const userId = await currentUserId();
  if (userId) await signOutEverywhere(await getDb(), userId);
  await signOut({ redirectTo: "/sign-in" });
}
