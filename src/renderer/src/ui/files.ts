const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * "3 bytes", "12 kB", "1.5 MB" in the language on screen (decimal units, as the names say). Bytes are
 * spelled out so Intl gives each language its plural ("2 bajty", "5 bajtów"); larger sizes use symbols.
 */
export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  let value = bytes / 1000;
  let unit = 0;
  // Moves up once the shown (rounded) number would reach 1000: "1 MB", never "1,000 kB".
  while (Math.round(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/**
 * A short type label for a file ("PDF", "PNG", "EML"): its extension, else its media subtype, else
 * null. Names come from strangers, so anything that is not a short word is not shown as a type.
 */
export function fileTypeLabel(filename: string, contentType: string): string | null {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(filename)?.[1];
  if (extension) return extension.toUpperCase();
  const subtype = /^[\w.+-]+\/(?:x-)?([a-z0-9]{1,5})$/i.exec(contentType.split(';')[0]!.trim())?.[1];
  return subtype ? subtype.toUpperCase() : null;
}

/** What a file broadly is, for its marker's colour; the label always says it in words too. */
export function fileKind(contentType: string): 'image' | 'text' | 'mail' | 'archive' | 'other' {
  const type = contentType.toLowerCase();
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('message/')) return 'mail';
  if (type.startsWith('text/') || type === 'application/pdf' || type.includes('document') || type === 'application/json') return 'text';
  if (/zip|tar|compressed|gzip|7z|rar/.test(type)) return 'archive';
  return 'other';
}
