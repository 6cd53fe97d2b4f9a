/**
 * Served over https: production with an https APP_URL. One rule decides Secure cookies and
 * HSTS together, so plain http://localhost (npm start, e2e) keeps working and a real
 * deployment never sends a session cookie in the clear.
 */
export function servesHttps(e: { NODE_ENV: string; appUrl: string }): boolean {
  return e.NODE_ENV === "production" && e.appUrl.startsWith("https://");
}
