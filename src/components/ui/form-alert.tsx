/**
 * The form's one alert: the server's message when it is about the whole form, or a pointer
 * to the fields when each mistake is already shown beside its field.
 */
export function FormAlert({ message, fields }: { message: string | null; fields: Record<string, string | undefined> }) {
  if (!message) return null;
  const text = Object.keys(fields).length > 0 ? "Some fields need fixing; see the messages beside them." : message;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {text}
    </div>
  );
}
