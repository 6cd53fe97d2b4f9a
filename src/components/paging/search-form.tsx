import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/**
 * A list's search: a GET form, so the search lands in the URL (a link or a reload keeps it)
 * and works without JavaScript. The list's other parameters (order, filters, page size) ride
 * along as hidden fields; the page's cursor does not, as a new search starts at its first page.
 */
export function SearchForm({
  label,
  query,
  keep,
  submitLabel = "Search",
  children,
}: {
  label: string;
  query: string;
  /** The list's other URL parameters to keep, by name. */
  keep: Record<string, string | undefined>;
  submitLabel?: string;
  /** More fields of the same form (filters). */
  children?: React.ReactNode;
}) {
  return (
    <form role="search" method="get" className="grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label className="space-y-1 text-sm font-medium">
        <span className="block">{label}</span>
        <input name="q" defaultValue={query} className={inputClass} type="search" maxLength={100} />
      </label>
      {children}
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
    </form>
  );
}
