import { cn } from "@/lib/cn";
import { messagePhotoUrl } from "@/lib/photo-upload";

type Props = {
  photoId: string;
  /** The stored size (at most 1600 px a side), so the thread keeps its place while the photo loads. */
  width?: number;
  height?: number;
  alt?: string;
  className?: string;
};

/** A photo sent in a message, loaded when it scrolls near, opened full size in a new tab. */
export function MessagePhoto({ photoId, width = 1200, height = 900, alt = "Photo sent in the conversation", className }: Props) {
  const url = messagePhotoUrl(photoId);
  return (
    <a href={url} target="_blank" rel="noopener" className={cn("block max-w-xs overflow-hidden rounded-lg border border-stone-200 bg-stone-100", className)}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a private, access-checked image: Next's optimiser would cache it for everyone */}
      <img src={url} alt={alt} width={width} height={height} loading="lazy" decoding="async" className="h-auto w-full" />
    </a>
  );
}
