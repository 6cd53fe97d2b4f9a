import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Badge, Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";
import { DeactivatePanel, InviteActions, InviteTrainerForm, RoleButton } from "./staff-forms";

export const metadata: Metadata = { title: "Staff" };

const STATUS = { invited: "Invited", active: "Active", deactivated: "Deactivated" } as const;
const STATUS_TONE = { invited: "bg-amber-100 text-amber-900", active: "bg-emerald-100 text-emerald-900", deactivated: "bg-stone-200 text-stone-800" } as const;

export default async function StaffPage() {
  const trpc = await api();
  const me = await trpc.viewer.me();
  if (me?.kind !== "trainer" || me.role !== "owner") forbidden();
  const staff = await orForbidden(trpc.staff.list());
  const coaches = staff.filter((s) => s.kind === "member" && s.status === "active").map((s) => ({ id: s.id, name: s.name ?? s.email }));
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">Staff</h1>
      <Card className="space-y-3">
        <h2 className="font-semibold">Invite a trainer</h2>
        <p className="text-sm text-stone-700">They get a link by email to set their name and password; it works once, for 7 days.</p>
        <InviteTrainerForm />
      </Card>
      <ul aria-label="Trainers" className="space-y-3">
        {staff.map((person) => {
          const label = person.name ?? person.email;
          return (
            <li key={person.id} aria-label={label}>
              <Card className="space-y-3">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <h2 className="font-semibold">
                    {label}
                    {person.isYou ? <span className="font-normal text-stone-600"> (you)</span> : null}
                  </h2>
                  <Badge>{person.role === "owner" ? "Owner" : "Trainer"}</Badge>
                  <Badge className={STATUS_TONE[person.status]}>{person.kind === "invite" && person.isExpired ? "Invite expired" : STATUS[person.status]}</Badge>
                </div>
                <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-stone-600">Email</dt>
                  <dd className="break-all">{person.email}</dd>
                  {person.kind === "member" ? (
                    <>
                      <dt className="text-stone-600">Clients</dt>
                      <dd>{person.clients.length === 1 ? "1 client" : `${person.clients.length} clients`}</dd>
                    </>
                  ) : (
                    <>
                      <dt className="text-stone-600">Link {person.isExpired ? "expired" : "works until"}</dt>
                      <dd>{person.expiresAt ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: me.timeZone }).format(person.expiresAt) : null}</dd>
                    </>
                  )}
                </dl>
                {person.kind === "invite" ? <InviteActions inviteId={person.id} email={person.email} /> : null}
                {person.kind === "member" && person.status === "active" ? (
                  <DeactivatePanel
                    memberId={person.id}
                    name={label}
                    isYou={person.isYou}
                    clients={person.clients}
                    coaches={coaches.filter((c) => c.id !== person.id)}
                    beside={<RoleButton memberId={person.id} name={label} role={person.role} />}
                  />
                ) : null}
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
