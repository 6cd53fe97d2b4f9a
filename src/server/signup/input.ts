import { z } from "zod";
import { setupInput } from "@/server/setup/input";

// Open sign-up asks what the first-run set-up asks, without the server's code: anyone may
// start a studio on a hosted Stride, so the throttle and the emailed link guard it instead.
export const signupInput = setupInput.omit({ code: true });

export type SignupInput = z.infer<typeof signupInput>;
export type SignupField = keyof SignupInput;
