import Link from "next/link";

const linkClass = "inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-medium text-brand-700 hover:bg-stone-100";
const offClass = "inline-flex min-h-11 items-center rounded-lg border border-stone-200 px-4 text-sm text-stone-400";

/**
 * Previous and Next for a server-paged list: plain links (they work without JavaScript and
 * are kept in the history), and where the page sits in the whole list, in words. At an end the
 * link is shown disabled (a link with no address), so the two never swap places under the finger.
 */
export function Pager({ showing, previousHref, nextHref, label = "Pagination" }: { showing: string; previousHref: string | null; nextHref: string | null; label?: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-stone-600">{showing}</p>
      {previousHref || nextHref ? (
        <div className="flex gap-2">
          {previousHref ? (
            <Link href={previousHref} rel="prev" className={linkClass}>
              Previous<span className="sr-only"> page</span>
            </Link>
          ) : (
            <span role="link" aria-disabled="true" className={offClass}>
              Previous<span className="sr-only"> page</span>
            </span>
          )}
          {nextHref ? (
            <Link href={nextHref} rel="next" className={linkClass}>
              Next<span className="sr-only"> page</span>
            </Link>
          ) : (
            <span role="link" aria-disabled="true" className={offClass}>
              Next<span className="sr-only"> page</span>
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}
