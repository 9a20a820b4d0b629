import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { RawJson, splicingParser } from './raw-json.js';

function decode(encoded: unknown[]): Packet {
  const decoder = new Decoder();
  let packet: Packet | null = null;
  decoder.on('decoded', (decoded: Packet) => (packet = decoded));
  for (const part of encoded) decoder.add(part as string);
  return packet!;
}

describe('splicing socket.io encoder', () => {
  const encoder = new splicingParser.Encoder();

  it('writes raw JSON into one standard text packet that socket.io decodes into the object', () => {
    const changes = [{ seq: 7, row: { subject: 'Quote "marks", \\ and \u0000 survive', body: 'Дзень — ąę' } }];
    const packet = { type: PacketType.EVENT, nsp: '/', data: ['sync:changes', { scope: 'queue:general', lastSeq: 7, changes: new RawJson(JSON.stringify(changes)) }] };
    const encoded = encoder.encode(packet);
    expect(encoded).toHaveLength(1);
    expect(typeof encoded[0]).toBe('string');
    expect(decode(encoded).data).toEqual(['sync:changes', { scope: 'queue:general', lastSeq: 7, changes }]);
  });

  it('leaves every other packet as socket.io writes it, binary attachments and acknowledgements included', () => {
    const plain = new Encoder();
    const packets: Packet[] = [
      { type: PacketType.EVENT, nsp: '/', data: ['sync:pull', { cursors: { shared: 3 } }], id: 4 },
      { type: PacketType.ACK, nsp: '/', data: [{ ok: true, value: { changes: Buffer.from('[]') } }], id: 4 },
      { type: PacketType.EVENT, nsp: '/admin', data: ['note', 'a string with \u0000 in it'] },
    ];
    for (const packet of packets) expect(encoder.encode(packet)).toEqual(plain.encode(packet));
  });
});
