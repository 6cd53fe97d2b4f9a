// Ids in URLs, cookies and upload metadata are checked for shape before a query: a malformed
// one is answered "not found" without asking the database (PostgreSQL would refuse the cast).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text is a UUID in its usual 8-4-4-4-12 hexadecimal form (any version, either case). */
export const isUuid = (value: string): boolean => UUID.test(value);
