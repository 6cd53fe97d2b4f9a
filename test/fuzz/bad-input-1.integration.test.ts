import { fuzzBadInput } from "./bad-input";

// Part 1 of the bad-input fuzzer (test/fuzz/bad-input.ts): the procedures of some domains.
fuzzBadInput(1);
