import { fileKind, fileTypeLabel, formatFileSize } from './files.js';
import { mailableAddress } from './email-address.js';

describe('file sizes', () => {
  it('spells bytes out with each language’s plural, and uses decimal units above', () => {
    expect([0, 1, 2, 999].map((n) => formatFileSize(n, 'en'))).toEqual(['0 bytes', '1 byte', '2 bytes', '999 bytes']);
    expect([1, 2, 5].map((n) => formatFileSize(n, 'pl'))).toEqual(['1 bajt', '2 bajty', '5 bajtów']);
    expect([1, 3, 5].map((n) => formatFileSize(n, 'ru'))).toEqual(['1 байт', '3 байта', '5 байт']);
    expect([1000, 1536, 9_960, 12_345, 999_499, 999_500].map((n) => formatFileSize(n, 'en'))).toEqual(['1 kB', '1.5 kB', '10 kB', '12 kB', '999 kB', '1 MB']);
    expect([1_000_000, 2_500_000, 25 * 1024 * 1024].map((n) => formatFileSize(n, 'en'))).toEqual(['1 MB', '2.5 MB', '26 MB']);
    expect(formatFileSize(2_500_000, 'pl')).toBe('2,5 MB');
    expect(formatFileSize(2_500_000, 'ru')).toBe('2,5 МБ');
    expect(formatFileSize(3_200_000_000, 'lv')).toBe('3,2 GB');
  });
});

describe('file types', () => {
  it('labels a file by its extension, else by its media type, else not at all', () => {
    expect(fileTypeLabel('Wyciąg bankowy.pdf', 'application/pdf')).toBe('PDF');
    expect(fileTypeLabel('screen.PNG', 'application/octet-stream')).toBe('PNG');
    expect(fileTypeLabel('README', 'text/plain')).toBe('PLAIN');
    expect(fileTypeLabel('dump', 'application/x-gzip')).toBe('GZIP');
    expect(fileTypeLabel('archive.backup-2024', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBeNull();
  });

  it('sorts types into the kinds the marker colours', () => {
    expect(['image/png', 'message/rfc822', 'text/plain', 'application/pdf', 'application/zip', 'application/octet-stream'].map(fileKind)).toEqual([
      'image',
      'mail',
      'text',
      'text',
      'archive',
      'other',
    ]);
  });
});

describe('requester addresses', () => {
  it('has no address for the placeholders under .invalid that callers and webhook authors get', () => {
    expect(mailableAddress('phone-48221234567@shiftdesk.invalid')).toBeNull();
    expect(mailableAddress('janis.ozols@facebook.INVALID')).toBeNull();
    expect(mailableAddress('anna@invalid.example')).toBe('anna@invalid.example');
  });
});
