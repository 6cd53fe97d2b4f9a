import "server-only";
import { cache } from "react";
import { api } from "@/trpc/server";

/**
 * The studio's attention queue, computed once per request: the navigation's count and the
 * page that lists it (dashboard home, Needs attention) share one answer.
 */
export const loadAttention = cache(async () => (await api()).review.attention());
