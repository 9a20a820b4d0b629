import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './content-disposition.js';

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name to its ASCII stand-in', () => {
    expect(filenameFromDisposition(`attachment; filename="Za____.pdf"; filename*=UTF-8''Za%C5%BC%C3%B3%C5%82%C4%87.pdf`)).toBe('Zażółć.pdf');
  });

  it('reads a quoted or bare plain name when there is no UTF-8 one', () => {
    expect(filenameFromDisposition('attachment; filename="screen \\"1\\".png"')).toBe('screen "1".png');
    expect(filenameFromDisposition('attachment; filename=report.csv')).toBe('report.csv');
  });

  it('keeps no path, and answers null for no name at all', () => {
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`)).toBe('passwd');
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });

  it('falls back to the plain name when the UTF-8 one is malformed', () => {
    expect(filenameFromDisposition(`attachment; filename="a.txt"; filename*=UTF-8''%E0%A4%A`)).toBe('a.txt');
  });
});
