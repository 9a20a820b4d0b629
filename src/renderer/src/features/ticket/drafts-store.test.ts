import { createDeskClient } from '../../../../shared/desk-api/client.js';
import { deskWith } from '../../testing/fake-desk.js';
import { createDraftsStore, draftKey } from './drafts-store.js';

const key = draftKey('u-1', 'ticket-1');

describe('drafts store', () => {
  it('inserts text at the end of the draft, after a blank line when there is text already', () => {
    const drafts = createDraftsStore(createDeskClient(deskWith({})));
    drafts.getState().insertText(key, 'See https://kb.example/vpn');
    expect(drafts.getState().drafts.get(key)?.body).toBe('See https://kb.example/vpn');
    drafts.getState().setBody(key, 'Hello Anna,\n\n');
    drafts.getState().insertText(key, 'Restart the VPN client.');
    expect(drafts.getState().drafts.get(key)?.body).toBe('Hello Anna,\n\nRestart the VPN client.');
  });

  it('ignores blank text and keeps the kind the agent chose', () => {
    const drafts = createDraftsStore(createDeskClient(deskWith({})));
    drafts.getState().setKind(key, 'note');
    drafts.getState().insertText(key, '   ');
    expect(drafts.getState().drafts.get(key)).toMatchObject({ kind: 'note', body: '' });
  });
});
