import { fuzzBadInput } from "./bad-input";

// Part 3 of the bad-input fuzzer (test/fuzz/bad-input.ts): the procedures of some domains.
fuzzBadInput(3);
