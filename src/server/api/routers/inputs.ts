import { z } from "zod";

/**
 * A client named by id in the address (the client's page, an export link): one field, one
 * message, for every procedure that acts on one client. A form's client picker says
 * "Pick a client." instead (booking.bookForClient, drills/inputs.ts).
 */
export const clientIdInput = z.object({ clientId: z.uuid({ error: "That client id is not valid." }) });

/** The client an input names, for `namesClientRow` (trpc.ts). */
export const theClient = (input: { clientId: string }) => ({ clientId: input.clientId });
