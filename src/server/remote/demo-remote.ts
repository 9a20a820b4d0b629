import type { Transaction } from 'kysely';
import { AssetInputSchema, type AssetInput } from '../../shared/remote/asset.js';
import { RemoteSettingsSchema, type RemoteSettings } from '../../shared/remote/settings.js';
import type { Database } from '../storage/schema.js';
import { saveAsset } from './asset-store.js';
import { storeRemoteSettings } from './settings-store.js';

/**
 * The demo desk's remote tools: the three protocols every desk has, and a browser-based support
 * tool. The allowlist names the customers that signed a remote-access agreement (their domains),
 * the private network their sites reach over the VPN, and the support tool's own host; Tekhnopark
 * Volga has not signed, so its file server is listed but refused.
 */
export const demoRemoteSettings: RemoteSettings = RemoteSettingsSchema.parse({
  tools: [
    { id: 'ssh', name: 'SSH', urlPattern: 'ssh://{user}@{host}:{port}', defaultPort: 22 },
    { id: 'rdp', name: 'Remote Desktop', urlPattern: 'rdp://full%20address=s:{host}:{port}', defaultPort: 3389 },
    { id: 'vnc', name: 'VNC', urlPattern: 'vnc://{host}:{port}', defaultPort: 5900 },
    { id: 'support', name: 'Shiftdesk Remote Support', urlPattern: 'https://support.shiftdesk.example/session?host={host}' },
  ],
  allowlist: {
    schemes: ['ssh', 'rdp', 'vnc', 'https'],
    hosts: [
      '*.baltic-freight.example',
      '*.hurtownia-lux.example',
      '*.northwind-logistics.example',
      '*.helix-analytics.example',
      '*.daugava-aptiekas.example',
      '*.kancelaria-nowak.example',
      '10.0.0.0/8',
      'support.shiftdesk.example',
    ],
  },
});

const organisation = (name: string, domain: string) => ({ kind: 'organisation' as const, name, domain });

export const demoAssets = (
  [
  {
    owner: organisation('Baltic Freight', 'baltic-freight.example'),
    name: 'Riga office router',
    kind: 'network_device',
    host: 'gw.riga.baltic-freight.example',
    notes: 'MikroTik RB4011 in the Brīvības iela office, rack 1. Configuration backed up nightly; reboot only after 19:00 Riga time.',
    access: [{ toolId: 'ssh', user: 'netadmin' }],
  },
  {
    owner: organisation('Baltic Freight', 'baltic-freight.example'),
    name: 'Riga VPN gateway',
    kind: 'network_device',
    host: 'vpn.baltic-freight.example',
    notes: 'WireGuard, UDP 51820. Drivers in the field connect through it.',
    access: [{ toolId: 'ssh', user: 'netadmin', port: 2222 }],
  },
  {
    owner: { kind: 'requester', email: 'janis.berzins@baltic-freight.example' },
    name: 'Jānis Bērziņš’s laptop',
    kind: 'laptop',
    host: 'lt-jberzins.baltic-freight.example',
    notes: 'ThinkPad T14, Windows 11. Ask before connecting: he is often on calls.',
    access: [{ toolId: 'support' }, { toolId: 'rdp' }],
  },
  {
    owner: organisation('Hurtownia Lux', 'hurtownia-lux.example'),
    name: 'Warsaw POS terminal 3',
    kind: 'pos_terminal',
    host: 'pos-03.waw.hurtownia-lux.example',
    notes: 'Till 3 at the Wola cash-and-carry. Busy 7:00–10:00; never restart during opening hours.',
    access: [{ toolId: 'vnc' }, { toolId: 'support' }],
  },
  {
    owner: organisation('Hurtownia Lux', 'hurtownia-lux.example'),
    name: 'Warehouse database server',
    kind: 'server',
    host: 'db01.hurtownia-lux.example',
    notes: 'PostgreSQL 16 for stock and orders. Read-only checks only without the customer’s IT.',
    access: [{ toolId: 'ssh', user: 'dba' }],
  },
  {
    owner: organisation('Northwind Logistics', 'northwind-logistics.example'),
    name: 'VPN gateway',
    kind: 'network_device',
    host: 'vpn-gw.northwind-logistics.example',
    notes: 'Fortigate 60F, head office. Tunnel logs under Log & Report → VPN events.',
    access: [{ toolId: 'ssh', user: 'ops' }],
  },
  {
    owner: organisation('Helix Analytics', 'helix-analytics.example'),
    name: 'Analytics database server',
    kind: 'server',
    host: '10.40.2.15',
    notes: 'Reached over the site VPN only. Nightly ETL 01:00–03:30: avoid heavy queries then.',
    access: [{ toolId: 'ssh', user: 'postgres' }, { toolId: 'rdp', host: 'jump.helix-analytics.example' }],
  },
  {
    owner: organisation('Daugava Aptiekas', 'daugava-aptiekas.example'),
    name: 'Pharmacy POS, Rīga Centrs',
    kind: 'pos_terminal',
    host: 'pos-rc1.daugava-aptiekas.example',
    access: [{ toolId: 'vnc' }, { toolId: 'support' }],
  },
  {
    owner: organisation('Kancelaria Nowak i Wspólnicy', 'kancelaria-nowak.example'),
    name: 'Document management service',
    kind: 'service',
    host: 'dms.kancelaria-nowak.example',
    notes: 'Hosted DMS; the law firm’s partners approve every session in advance.',
    access: [{ toolId: 'support' }],
  },
  {
    owner: organisation('Tekhnopark Volga', 'tehnopark-volga.example'),
    name: 'File server',
    kind: 'server',
    host: 'fs01.tehnopark-volga.example',
    notes: 'No remote-access agreement signed yet: connections are refused until the allowlist names it.',
    access: [{ toolId: 'ssh', user: 'admin' }],
  },
  ] satisfies AssetInput[]
).map((asset) => AssetInputSchema.parse(asset));

export async function seedDemoRemote(trx: Transaction<Database>, at: string): Promise<void> {
  await storeRemoteSettings(trx, demoRemoteSettings, { userId: null, at });
  for (const asset of demoAssets) await saveAsset(trx, asset, at);
}
