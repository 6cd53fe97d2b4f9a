// What the client is shown while their programme waits for the trainer: on Today and the log
// page in place of the drills, and as the refusal of a drill log.
export const HELD_MESSAGE = "Your coach is reading your health answers. Your drills appear here once they have cleared you.";
