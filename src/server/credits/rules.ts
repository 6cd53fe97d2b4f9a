// Who reads a refusal to spend credits: the client booking for themselves, or a trainer booking
// for them (who cannot buy a pack for the client, but can add credits).
export type CreditReader = { kind: "client" } | { kind: "trainer"; clientName: string };

const credits = (n: number) => `${n} credit${n === 1 ? "" : "s"}`;

// A booking that needs more credits than the client holds is refused with what the reader can do about it.
export function notEnoughCreditsMessage(reader: CreditReader, balance: number, needed: number): string {
  const left = Math.max(0, balance);
  if (reader.kind === "client") {
    const what = left === 0 ? "You have no session credits left." : `This session needs ${credits(needed)} and you have ${credits(left)}.`;
    return `${what} Buy a session pack or ask your coach.`;
  }
  const what = left === 0 ? `${reader.clientName} has no session credits left` : `This session needs ${credits(needed)} and ${reader.clientName} has ${credits(left)}`;
  return `${what}: add credits on their page, or ask them to buy a session pack.`;
}
