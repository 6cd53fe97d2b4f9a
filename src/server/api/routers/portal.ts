import { getClient } from "@/server/clients/service";
import { clientProcedure, createTRPCRouter } from "../trpc";

export const portalRouter = createTRPCRouter({
  /** The signed-in client's own profile and coach. */
  me: clientProcedure.query(({ ctx }) => getClient(ctx.db, ctx.studioId, ctx.clientId)),
});
