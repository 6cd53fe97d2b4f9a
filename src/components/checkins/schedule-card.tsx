"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { WEEKDAY_LABELS } from "@/lib/checkins/vocabulary";
import type { ScheduleView } from "@/server/checkins/schedule-service";
import { formErrorsOf, useTRPC } from "@/trpc/react";

// The "Check-ins" card of a client's page and of each programme: what is asked, when, and a
// form to ask more. Times are the client's own ("07:00 where they are"); a time the clocks skip
// on some day is said in a sentence under the schedule.

type Target = { clientId: string } | { programId: string; programName: string };

const DATE_WORDS = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const inWords = (date: string) => DATE_WORDS.format(new Date(`${date}T00:00:00Z`));

/** "Daily at 07:00", "Sundays at 18:00". */
function describeTiming(s: Pick<ScheduleView, "cadence" | "weekday" | "atTime">): string {
  if (s.cadence === "weekly" && s.weekday) return `${WEEKDAY_LABELS[s.weekday - 1]}s at ${s.atTime}`;
  return `Daily at ${s.atTime}`;
}

/**
 * On a client's page, a card; on the programs page, a section of each programme's card that
 * opens (and loads) when the trainer asks for it.
 */
export function ScheduleCard(props: Target) {
  const [isOpen, setIsOpen] = useState(false);
  if ("clientId" in props) {
    return (
      <Card>
        <Schedules {...props} />
      </Card>
    );
  }
  return (
    <details className="rounded-lg border border-stone-200 p-3" onToggle={(e) => setIsOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-medium text-brand-700">Check-ins for {props.programName}</summary>
      <div className="mt-3">{isOpen ? <Schedules {...props} /> : null}</div>
    </details>
  );
}

function Schedules(props: Target) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isClient = "clientId" in props;
  const forClient = useQuery({ ...trpc.checkinSchedule.forClient.queryOptions({ clientId: isClient ? props.clientId : "" }), enabled: isClient });
  const forProgram = useQuery({ ...trpc.checkinSchedule.forProgram.queryOptions({ programId: isClient ? "" : props.programId }), enabled: !isClient });
  const list = isClient ? forClient : forProgram;
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: isClient ? trpc.checkinSchedule.forClient.queryKey() : trpc.checkinSchedule.forProgram.queryKey() });
  const [created, setCreated] = useState<ScheduleView | null>(null);
  const onCreated = ({ schedule }: { schedule: ScheduleView }) => {
    setCreated(schedule);
    return refresh();
  };
  const forClientMutation = useMutation(trpc.checkinSchedule.scheduleForClient.mutationOptions({ onSuccess: onCreated }));
  const forProgramMutation = useMutation(trpc.checkinSchedule.scheduleForProgram.mutationOptions({ onSuccess: onCreated }));
  const schedule = isClient ? forClientMutation : forProgramMutation;
  const end = useMutation(trpc.checkinSchedule.end.mutationOptions({ onSuccess: () => refresh() }));
  const [cadence, setCadence] = useState<"daily" | "weekly">("daily");
  const headingId = useId();
  const errors = formErrorsOf(schedule.error);
  const fieldNames = ["formId", "cadence", "weekday", "atTime", "startsOn"];
  const data = list.data;
  const programCount = !isClient && forProgram.data ? forProgram.data.clientCount : null;

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="space-y-1">
        <h2 id={headingId} className={isClient ? "text-lg font-semibold" : "sr-only"}>
          {isClient ? "Check-ins" : `Check-ins for ${props.programName}`}
        </h2>
        <p className="text-sm text-stone-600">
          {isClient
            ? "What this client is asked, at the time of their own zone. They answer on Today; a push reminds them when it opens."
            : `Asked of every client with this program${programCount === null ? "" : ` (${programCount} now)`}, each at the time of their own zone.`}
        </p>
      </div>
      {list.isPending ? <p className="text-sm text-stone-600">Loading check-ins…</p> : null}
      {list.isError ? <Alert>The check-ins could not be loaded. Check your connection and reload the page.</Alert> : null}
      {data && data.schedules.length === 0 ? <p className="text-sm text-stone-600">No check-ins scheduled.</p> : null}
      {data && data.schedules.length > 0 ? (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200" aria-label="Scheduled check-ins">
          {data.schedules.map((s) => {
            const isThroughProgram = isClient && s.program !== null;
            return (
              <li key={s.id} className="space-y-2 p-3">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium">{s.formTitle}</span>
                  <span className="text-sm text-stone-700">
                    {describeTiming(s)} · from {inWords(s.startsOn)}
                  </span>
                  {isThroughProgram ? <Badge className="bg-brand-100 text-brand-800">through {s.program!.name}</Badge> : null}
                  {!s.isInForce ? <Badge className="bg-stone-100 text-stone-700">not asked</Badge> : null}
                  {!isThroughProgram ? (
                    <Button
                      variant="secondary"
                      className="ml-auto"
                      aria-label={`Stop ${s.formTitle}`}
                      disabled={end.isPending}
                      onClick={() => end.mutate({ scheduleId: s.id })}
                    >
                      Stop
                    </Button>
                  ) : null}
                </div>
                {isThroughProgram && !s.isInForce ? <p className="text-sm text-stone-600">Their own schedule of this form is asked instead.</p> : null}
                {isThroughProgram && s.isInForce ? <p className="text-sm text-stone-600">To change it, stop it on the Programs page.</p> : null}
                {s.notices.map((n) => (
                  // A standing fact about the schedule, not news: a live region would announce it on every refetch.
                  <Alert key={n} tone="info" role="note">
                    {n}
                  </Alert>
                ))}
              </li>
            );
          })}
        </ul>
      ) : null}
      {end.error ? <Alert>{formErrorsOf(end.error).message}</Alert> : null}

      {data && data.forms.length > 0 ? (
        <form
          noValidate
          aria-label="Schedule a check-in"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            setCreated(null);
            const f = new FormData(e.currentTarget);
            const weekday = String(f.get("weekday") ?? "");
            const timing = {
              formId: String(f.get("formId") ?? ""),
              cadence,
              weekday: cadence === "weekly" && weekday !== "" ? Number(weekday) : null,
              atTime: String(f.get("atTime") ?? ""),
              startsOn: String(f.get("startsOn") ?? "") || null,
            };
            if (isClient) forClientMutation.mutate({ clientId: props.clientId, ...timing });
            else forProgramMutation.mutate({ programId: props.programId, ...timing });
          }}
        >
          <SelectField label="Form" name="formId" defaultValue={data.forms[0]?.id} error={errors.fields.formId}>
            {data.forms.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </SelectField>
          <SelectField label="How often" name="cadence" value={cadence} onChange={(e) => setCadence(e.target.value === "weekly" ? "weekly" : "daily")} error={errors.fields.cadence}>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </SelectField>
          {cadence === "weekly" ? (
            <SelectField label="Day of the week" name="weekday" defaultValue="7" error={errors.fields.weekday}>
              {WEEKDAY_LABELS.map((label, i) => (
                <option key={label} value={i + 1}>
                  {label}
                </option>
              ))}
            </SelectField>
          ) : null}
          <Field label="Time" name="atTime" type="time" defaultValue="07:00" hint="In the client's own time zone." error={errors.fields.atTime} />
          <Field
            label="Starts on"
            name="startsOn"
            type="date"
            min={data.startBounds.min}
            max={data.startBounds.max}
            hint="Empty: today."
            error={errors.fields.startsOn}
          />
          <div className="flex items-end">
            <SubmitButton disabled={schedule.isPending}>Schedule check-in</SubmitButton>
          </div>
        </form>
      ) : null}
      {schedule.error && !fieldNames.some((name) => errors.fields[name]) ? <Alert>{errors.message}</Alert> : null}
      {created ? (
        <Alert tone="success" role="status">
          {created.formTitle} scheduled ({describeTiming(created)}).{created.notices.length > 0 ? ` ${created.notices.join(" ")}` : ""}
        </Alert>
      ) : null}
    </section>
  );
}
