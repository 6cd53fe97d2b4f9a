import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { DomainError, notFound } from "@/lib/errors";
import type { Queryable } from "@/server/db/client";
import { messageTemplates, type MessageTemplate } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { canEditTemplate, templateProblem, type TemplateEditor } from "@/lib/message-templates";

// A trainer's templates: their own and the studio-wide ones. Someone else's own template is
// answered as missing; a studio-wide one a coach may use but not change.

export type TemplateMember = TemplateEditor & { studioId: string };

export type TemplateView = { id: string; title: string; body: string; isStudioWide: boolean; canEdit: boolean };

const visibleTo = (member: TemplateMember) => or(isNull(messageTemplates.ownerMemberId), eq(messageTemplates.ownerMemberId, member.memberId));

function viewOf(t: MessageTemplate, member: TemplateMember): TemplateView {
  return { id: t.id, title: t.title, body: t.body, isStudioWide: t.ownerMemberId === null, canEdit: canEditTemplate(t, member) };
}

function checked(input: { title: string; body: string }) {
  const problem = templateProblem(input);
  if (problem) throw new DomainError("BAD_REQUEST", problem.message, problem.field);
  return { title: input.title.trim(), body: input.body.trim() };
}

/** The member's own templates and the studio's, studio-wide first, each by title. */
export async function listTemplates(q: Queryable, member: TemplateMember): Promise<TemplateView[]> {
  const rows = await q
    .select()
    .from(messageTemplates)
    .where(inStudio(messageTemplates, member.studioId, visibleTo(member)))
    .orderBy(sql`${messageTemplates.ownerMemberId} is not null`, asc(messageTemplates.title), asc(messageTemplates.id))
    .limit(200);
  return rows.map((t) => viewOf(t, member));
}

export async function createTemplate(q: Queryable, member: TemplateMember, input: { title: string; body: string; isStudioWide: boolean }): Promise<TemplateView> {
  const text = checked(input);
  if (input.isStudioWide && member.role !== "owner") throw new DomainError("FORBIDDEN", "Only the studio owner can add a template for the whole studio. Save it as your own instead.");
  const [row] = await q
    .insert(messageTemplates)
    .values({ studioId: member.studioId, ownerMemberId: input.isStudioWide ? null : member.memberId, ...text })
    .returning();
  return viewOf(row!, member);
}

async function editable(q: Queryable, member: TemplateMember, id: string): Promise<MessageTemplate> {
  const [row] = await q.select().from(messageTemplates).where(inStudio(messageTemplates, member.studioId, eq(messageTemplates.id, id), visibleTo(member))).limit(1);
  if (!row) throw notFound("template");
  if (!canEditTemplate(row, member)) throw new DomainError("FORBIDDEN", "Studio-wide templates are changed by the studio owner. Save a copy as your own to change it.");
  return row;
}

export async function updateTemplate(q: Queryable, member: TemplateMember, input: { id: string; title: string; body: string }, now: Date): Promise<TemplateView> {
  const text = checked(input);
  await editable(q, member, input.id);
  const [row] = await q
    .update(messageTemplates)
    .set({ ...text, updatedAt: now })
    .where(inStudio(messageTemplates, member.studioId, eq(messageTemplates.id, input.id)))
    .returning();
  return viewOf(row!, member);
}

export async function deleteTemplate(q: Queryable, member: TemplateMember, id: string): Promise<void> {
  await editable(q, member, id);
  await q.delete(messageTemplates).where(and(inStudio(messageTemplates, member.studioId, eq(messageTemplates.id, id))));
}
