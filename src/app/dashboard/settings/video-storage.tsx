import { Card } from "@/components/ui/card";
import { formatBytes } from "@/lib/byte-size";
import type { StoreLocation } from "@/server/media/store-location";

// The owner's view of what the studio's form-check videos take (issue 22): how many, how big,
// where they are kept, and what a deletion does to them, so an owner running their own server
// knows what fills its disk or their bucket.
export function VideoStorage({ videos, bytes, location }: { videos: number; bytes: number; location: StoreLocation }) {
  return (
    <Card className="space-y-2" aria-labelledby="video-storage-heading">
      <h2 id="video-storage-heading" className="text-lg font-semibold">
        Form-check videos
      </h2>
      <p className="text-base font-medium">
        Kept now: {videos} {videos === 1 ? "video" : "videos"}, {formatBytes(bytes)}
      </p>
      <p className="text-sm text-stone-600">
        {location.kind === "s3" ? (
          <>
            Stored in the S3 bucket <span className="font-mono">{location.bucket}</span>.
          </>
        ) : (
          <>Stored on this server’s disk, in the media folder of its data directory.</>
        )}{" "}
        The figure counts the files kept of each video that has arrived whole: its original, then its phone-friendly copy and poster once they are made.
      </p>
      <p className="text-sm text-stone-600">
        When a client removes a video, or a client’s data is deleted, its files are deleted from the store with it; a file the store could not delete at once is
        removed by the hourly clean-up.
      </p>
    </Card>
  );
}
