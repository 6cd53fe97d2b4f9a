import { z } from "zod";
import { CLIENT_VISIBILITIES, clientVisibilityChoices } from "@/lib/client-visibility";
import { clientVisibilityOf, setClientVisibility } from "@/server/clients/visibility";
import { createTRPCRouter, ownerProcedure } from "../trpc";

export const setClientVisibilityInput = z.object({
  clientVisibility: z.enum(CLIENT_VISIBILITIES, { error: "Choose every client, or only the clients each trainer coaches." }),
});

// The owner's studio setting: whether trainers see every client or only those they coach.
export const clientVisibilityRouter = createTRPCRouter({
  get: ownerProcedure.query(async ({ ctx }) => ({ clientVisibility: await clientVisibilityOf(ctx.db, ctx.studioId) })),
  /** Holds from each trainer's next request; the answer says what changed, in a sentence. */
  set: ownerProcedure.input(setClientVisibilityInput).mutation(async ({ ctx, input }) => {
    const saved = await setClientVisibility(ctx.db, ctx.studioId, input.clientVisibility);
    return { ...saved, message: clientVisibilityChoices[saved.clientVisibility].changed };
  }),
});
