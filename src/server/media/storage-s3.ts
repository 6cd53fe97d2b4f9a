import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Readable } from "node:stream";
import { assertSafeKey, clampRange, type MediaStore } from "./storage";

// Any S3-compatible store (AWS, MinIO, R2, s3rver in the tests). Path-style addressing, which
// every S3-compatible server understands; virtual-hosted buckets need DNS the others lack.

export type S3Config = { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string };

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata?.httpStatusCode === 404);

export function s3Store(config: S3Config): MediaStore {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Older S3-compatible servers reject the newer default checksums on every request.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = config.bucket;

  return {
    kind: "s3",
    async put(key, body, options) {
      assertSafeKey(key);
      const length = body instanceof Uint8Array ? body.byteLength : options.size;
      if (length === undefined) throw new Error("The S3 store needs the size of a streamed file.");
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: options.contentType, ContentLength: length }));
    },
    async get(key, range) {
      assertSafeKey(key);
      try {
        const size = await this.size(key);
        if (size === null) return null;
        const part = clampRange(size, range);
        if (size === 0) return { body: Readable.from([]), size, range: part };
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key, Range: `bytes=${part.start}-${part.end}` }));
        return { body: object.Body as Readable, size, range: part };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async size(key) {
      assertSafeKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async list(prefix) {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys.sort();
    },
    async signedUrl(key, options) {
      assertSafeKey(key);
      return getSignedUrl(client, new GetObjectCommand({ Bucket, Key: key, ResponseContentType: options.contentType }), { expiresIn: options.expiresInSeconds });
    },
  };
}
