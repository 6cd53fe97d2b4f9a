import type { ProcedureRules } from "./roles";
import { accountRules } from "./rules/account";
import { drillRules } from "./rules/drills";
import { bookingRules } from "./rules/booking";
import { billingRules } from "./rules/billing";
import { foundationRules } from "./rules/foundation";
import { trainingRules } from "./rules/training";
import { progressionRules } from "./rules/progression";
import { dataRightsRules } from "./rules/data-rights";
import { setupRules } from "./rules/setup";
import { staffRules } from "./rules/staff";
import { clientVisibilityRules } from "./rules/client-visibility";
import { messageRules } from "./rules/messages";
import { inboxRules } from "./rules/inbox";
import { pushRules } from "./rules/push";
import { studioRules } from "./rules/studio";
import { signupRules } from "./rules/signup";
import { runImportRules } from "./rules/run-import";
import { checkinAnswerRules } from "./rules/checkin-answer";
import { checkinRules } from "./rules/checkins";
import { intakeRules } from "./rules/intake";
import { checkinFormRules } from "./rules/checkin-forms";
import { checkinHistoryRules } from "./rules/checkin-history";
import { videoRules } from "./rules/videos";

// Every tRPC procedure, with the roles allowed to call it. Each domain adds its file under
// rules/; a procedure missing here fails the authorization test.
export const matrix: ProcedureRules = {
  ...foundationRules,
  ...drillRules,
  ...bookingRules,
  ...billingRules,
  ...trainingRules,
  ...progressionRules,
  ...dataRightsRules,
  ...accountRules,
  ...setupRules,
  ...staffRules,
  ...clientVisibilityRules,
  ...messageRules,
  ...inboxRules,
  ...pushRules,
  ...studioRules,
  ...signupRules,
  ...runImportRules,
  ...checkinAnswerRules,
  ...checkinRules,
  ...intakeRules,
  ...checkinFormRules,
  ...checkinHistoryRules,
  ...videoRules,
};
