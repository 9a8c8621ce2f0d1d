/**
 * Why this file exists: text formatting shared by the printed documents and the web pages (people,
 * plurals, file sizes); below both, so neither reaches into the other.
 */

/** A person as printed: the documents' view models and the web's own types both fit this shape. */
export interface PrintedPerson {
  name: string;
  role: string | null;
  organisation: string | null;
}

/** "Wasim Ali (Deputy Police and Crime Commissioner, OPCC)", as attendance lists are printed. */
export function formatPerson(person: PrintedPerson): string {
  const detail = [person.role, person.organisation].filter((part): part is string => Boolean(part));
  return detail.length > 0 ? `${person.name} (${detail.join(', ')})` : person.name;
}

/** "1 action", "3 actions". */
export function pluralise(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "240 KB", "1.2 MB": decimal units, as GOV.UK prints attachment sizes. */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`Not a file size: ${bytes}`);
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
