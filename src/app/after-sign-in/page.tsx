import { redirect } from "next/navigation";
import { api } from "@/trpc/server";

// One place decides where a person lands after signing in.
export default async function AfterSignIn() {
  const me = await (await api()).viewer.me();
  if (!me) redirect("/sign-in");
  if (me.kind === "trainer") redirect("/dashboard");
  if (me.kind === "client") redirect("/portal");
  redirect("/no-access");
}
