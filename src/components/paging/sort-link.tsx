import Link from "next/link";
import type { SortDirection } from "@/lib/paging";

export type SortState = { isSorted: boolean; direction: SortDirection };

const arrow = ({ isSorted, direction }: SortState) => (isSorted ? (direction === "asc" ? " ▲" : " ▼") : "");
const words = (d: SortDirection) => (d === "asc" ? "ascending" : "descending");

/** The direction a click asks for: the other way on the sorted column, ascending on another. */
export function nextDirection({ isSorted, direction }: SortState): SortDirection {
  return isSorted && direction === "asc" ? "desc" : "asc";
}

/**
 * A link that sorts a list by one column. The arrow is for the eye; a screen reader hears the
 * order now and what the link will do, since an arrow reads as nothing.
 */
export function SortLink({ label, href, state, className }: { label: string; href: string; state: SortState; className?: string }) {
  const next = nextDirection(state);
  return (
    <Link href={href} aria-current={state.isSorted ? "true" : undefined} className={className}>
      {label}
      {arrow(state)}
      <span className="sr-only">{state.isSorted ? `, sorted ${words(state.direction)}; sort ${words(next)}` : `, sort ${words(next)}`}</span>
    </Link>
  );
}

/** A table's column header that sorts by its column; `aria-sort` tells a screen reader which column orders the rows. */
export function SortHeader({ label, href, state }: { label: string; href: string; state: SortState }) {
  const next = nextDirection(state);
  return (
    <th scope="col" className="px-3 py-2 font-medium" aria-sort={state.isSorted ? words(state.direction) : "none"}>
      <Link href={href} className="underline-offset-2 hover:underline">
        {label}
        {arrow(state)}
        <span className="sr-only">, sort {words(next)}</span>
      </Link>
    </th>
  );
}
