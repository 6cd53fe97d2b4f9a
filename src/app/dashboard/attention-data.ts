import "server-only";
import { cache } from "react";
import type { AttentionView } from "@/lib/attention";
import { api } from "@/trpc/server";

/**
 * The attention queue, computed once per request and view: the navigation's count and the page
 * that lists it (dashboard home, Needs attention) share one answer. No view: the member's own
 * (their clients for a trainer, the whole studio for the owner).
 */
export const loadAttention = cache(async (view?: AttentionView) => (await api()).review.attention(view ? { view } : undefined));
