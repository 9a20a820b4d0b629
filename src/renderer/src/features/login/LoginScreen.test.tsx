import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import { agent, deskWith, makeTicket } from '../../testing/fake-desk.js';
import { renderApp } from '../../testing/render.js';

function signedOutDesk() {
  const desk = deskWith({ user: null, tickets: [makeTicket({ subject: 'Mailbox full' })], serverUrl: 'https://sync.nightdesk.example:8443' });
  return desk;
}

async function fillAndSubmit(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('login screen', () => {
  it('starts empty and shows the server it will sign in to', async () => {
    renderApp(signedOutDesk());

    const email = (await screen.findByLabelText('Email')) as HTMLInputElement;
    expect(email.value).toBe('');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(screen.getByText('Server: https://sync.nightdesk.example:8443')).toBeTruthy();
  });

  it.each([
    ['unauthorized', 'Wrong email or password.'],
    ['unavailable', 'The server cannot be reached. Check the network or VPN and try again.'],
    ['internal', 'Sign-in failed. Try again.'],
  ] as const)('explains a refused sign-in (%s) in the agent’s words, not the server’s', async (code, shown) => {
    const desk = signedOutDesk();
    desk.api['session.login'] = async () => {
      throw new DeskError(code, 'server-side English detail');
    };
    renderApp(desk);

    await fillAndSubmit('ada@example.test', 'not-it');

    expect((await screen.findByRole('alert')).textContent).toBe(shown);
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('passes what was typed to session.login and shows the queue on success', async () => {
    const desk = signedOutDesk();
    desk.api['session.login'] = async () => ({ user: agent, serverUrl: 'https://sync.nightdesk.example:8443' });
    renderApp(desk);

    await fillAndSubmit('ada@example.test', 'correct horse');

    expect(await screen.findByText('Mailbox full')).toBeTruthy();
    expect(desk.callsOf('session.login')).toEqual([{ email: 'ada@example.test', password: 'correct horse' }]);
    expect(screen.queryByLabelText('Password')).toBeNull();
    await waitFor(() => expect(screen.getByText('Signed in as Ada Night')).toBeTruthy());
  });
});
