/** A download of data as a zip of CSV files (a plain link: the browser saves what the route streams). */
export function ExportLink({ href, label, description }: { href: string; label: string; description: string }) {
  return (
    <div className="space-y-1">
      <a
        href={href}
        download
        className="inline-flex h-11 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-medium text-stone-900 hover:bg-stone-100"
      >
        {label}
      </a>
      <p className="text-xs text-stone-600">{description}</p>
    </div>
  );
}
