import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

/**
 * Encodes text in a single-byte charset with the WHATWG tables Node's TextDecoder carries: a source of
 * bytes independent of the iconv-lite tables mailparser decodes with, so a test checks real decoding.
 */
export function encodeSingleByte(text: string, charset: string): Buffer {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((char) => {
      const byte = table.get(char);
      if (byte === undefined) throw new Error(`${JSON.stringify(char)} has no byte in ${charset}`);
      return byte;
    }),
  );
}

/** An RFC 2047 encoded word in that charset, as a mail client writes a non-ASCII subject or name. */
export function encodedWord(text: string, charset: string): string {
  return `=?${charset}?B?${encodeSingleByte(text, charset).toString('base64')}?=`;
}

/** A single-part text mail with its body in `charset`, sent 8-bit as older clients do; headers as given (CRLF added). */
export function charsetMail(headers: string[], body: string, charset: string): Buffer {
  return Buffer.concat([
    Buffer.from([...headers, 'MIME-Version: 1.0', `Content-Type: text/plain; charset=${charset}`, 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n')),
    encodeSingleByte(body.replace(/\n/g, '\r\n'), charset),
    Buffer.from('\r\n'),
  ]);
}

/** A mail built by nodemailer's composer (multipart, attachments, HTML), for tests that need MIME structure. */
export function composedMail(options: Mail.Options): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}
