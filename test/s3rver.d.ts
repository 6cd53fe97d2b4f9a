// s3rver ships no types; the tests use this much of it (a local S3-compatible server).
declare module "s3rver" {
  import type { AddressInfo } from "node:net";
  type Options = { address?: string; port?: number; silent?: boolean; directory: string; configureBuckets?: { name: string; configs: unknown[] }[] };
  export default class S3rver {
    constructor(options: Options);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
