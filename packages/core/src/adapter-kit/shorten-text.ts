/** A server's error text on one line, cut to `max` characters (with `…`), for a message. */
export function shortenText(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
