// Pure rules of message templates, shared by the server (which enforces them) and the browser
// (the picker fills {first_name}); tested in message-templates.test.ts.

export const TEMPLATE_TITLE_MAX = 80;
export const TEMPLATE_BODY_MAX = 4000;

export type TemplateEditor = { memberId: string; role: "owner" | "trainer" };

/** A trainer edits their own templates; the studio-wide ones are the owner's to edit. */
export function canEditTemplate(template: { ownerMemberId: string | null }, editor: TemplateEditor): boolean {
  return template.ownerMemberId === null ? editor.role === "owner" : template.ownerMemberId === editor.memberId;
}

/** Why the template cannot be saved as written, or null. Title and body are trimmed first. */
export function templateProblem(input: { title: string; body: string }): { field: "title" | "body"; message: string } | null {
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) return { field: "title", message: "Give the template a short title, such as “After a first session”." };
  if ([...title].length > TEMPLATE_TITLE_MAX) return { field: "title", message: `Keep the title to ${TEMPLATE_TITLE_MAX} characters.` };
  if (!body) return { field: "body", message: "Write the message the template sends." };
  if ([...body].length > TEMPLATE_BODY_MAX) return { field: "body", message: `A template can be up to ${TEMPLATE_BODY_MAX.toLocaleString("en")} characters. Shorten it.` };
  return null;
}

/** Fills {first_name} with the client's first name; other text in braces stays as written. */
export function fillTemplate(body: string, client: { name: string } | null): string {
  const firstName = client?.name.trim().split(/\s+/)[0];
  return firstName ? body.replaceAll("{first_name}", firstName) : body;
}
