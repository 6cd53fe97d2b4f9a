import { DomainError } from "@/lib/errors";

/**
 * The request's multipart form, read while counting: past `maxBytes` the reading stops and the
 * request is refused with `tooBig`, so an oversized upload is never held whole (a missing or
 * false Content-Length does not get around it). Null when the body is not a form.
 */
export async function limitedFormData(request: Request, maxBytes: number, tooBig: string): Promise<FormData | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new DomainError("BAD_REQUEST", tooBig);
  if (!request.body) return null;
  let seen = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new Error("too big"));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    if (seen > maxBytes) throw new DomainError("BAD_REQUEST", tooBig);
    return null;
  }
}
