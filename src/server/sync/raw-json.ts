import { randomBytes } from 'node:crypto';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

/** JSON text that socket.io should put into a packet as it is, not as a string. */
export class RawJson {
  constructor(readonly text: string) {}
}

const holds = (value: unknown): boolean =>
  value instanceof RawJson || (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && Object.values(value).some((v) => v instanceof RawJson));

/**
 * socket.io's encoder with one addition: an event whose arguments hold RawJson is written as one text
 * packet with that text spliced in. A change push is JSON the server already has; sent as a binary
 * attachment it costs every socket two WebSocket frames, and as a string it would be escaped here and
 * parsed twice by every console. The packets are standard, so consoles use socket.io's own decoder.
 */
class SplicingEncoder extends Encoder {
  // A NUL and a random tag mark where raw text goes: no other string in the packet carries them.
  private readonly tag = randomBytes(6).toString('hex');
  private readonly marker = new RegExp(`"\\\\u0000${this.tag}(\\d+)"`, 'g');

  override encode(packet: Packet): unknown[] {
    if (packet.type !== PacketType.EVENT || !Array.isArray(packet.data) || !packet.data.some(holds)) return super.encode(packet) as unknown[];
    const texts: string[] = [];
    const json = JSON.stringify(packet.data, (_key, value: unknown) => (value instanceof RawJson ? `\u0000${this.tag}${texts.push(value.text) - 1}` : value));
    let encoded = String(PacketType.EVENT);
    if (packet.nsp && packet.nsp !== '/') encoded += `${packet.nsp},`;
    if (packet.id !== undefined) encoded += String(packet.id);
    return [encoded + json.replace(this.marker, (_match, index: string) => texts[Number(index)]!)];
  }
}

/** The `parser` option of the socket.io server: this encoder, socket.io's decoder. */
export const splicingParser = { Encoder: SplicingEncoder, Decoder };
