import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KortliggarenBridge, MenuCommand } from '../../shared/ipc/bridge';
import { App } from '../../renderer/App';
import { STORAGE_KEYS } from '../../renderer/lib/storage';
import { makeCard, startTestBackend, type TestBackend } from './support/backend';
import { renderWithApp } from './support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => {
  delete window.kortliggaren;
  t.dispose();
});

describe('app shell', () => {
  it('routes by hash between the form and the register', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<App />, t.api);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Registrera reservkort' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Register' }));
    expect(window.location.hash).toBe('#/register');
    expect(await screen.findByRole('heading', { level: 1, name: 'Register' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Register' })).toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByRole('link', { name: 'Registrera kort' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Registrera reservkort' }),
    ).toBeInTheDocument();
  });

  it('opens the card named in the address, as the confirmation link does', async () => {
    await t.seed([makeCard()]);
    const id = (await t.listAll()).rows[0]!.id as string;
    window.location.hash = `#/register/${id}`;
    renderWithApp(<App />, t.api);
    expect(await screen.findByRole('dialog', { name: 'Kort 9752 2000 0000 0000 001' })).toBeInTheDocument();
  });

  it('answers Ctrl+N with the form and Ctrl+F with the register search, also from inside a field', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<App />, t.api);
    await screen.findByRole('heading', { level: 1, name: 'Registrera reservkort' });

    await user.click(screen.getByLabelText('Kortnummer'));
    await user.keyboard('{Control>}f{/Control}');
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Sök' })).toHaveFocus());
    expect(window.location.hash).toBe('#/register');

    await user.keyboard('{Control>}n{/Control}');
    await waitFor(() => expect(screen.getByLabelText('Organisationens HSA-id')).toHaveFocus());
    expect(window.location.hash).toBe('#/registrera');
  });

  it('carries out the desktop menu’s commands through the bridge', async () => {
    let send: (command: MenuCommand) => void = () => {};
    const bridge: KortliggarenBridge = {
      api: {} as KortliggarenBridge['api'],
      onMenuCommand: (callback) => {
        send = callback;
        return () => {
          send = () => {};
        };
      },
    };
    window.kortliggaren = bridge;
    renderWithApp(<App />, t.api);
    await screen.findByRole('heading', { level: 1, name: 'Registrera reservkort' });

    act(() => send('search'));
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Sök' })).toHaveFocus());
    act(() => send('new-card'));
    await waitFor(() => expect(screen.getByLabelText('Organisationens HSA-id')).toHaveFocus());
  });

  it('switches to English and remembers the choice', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<App />, t.api);
    await screen.findByRole('heading', { level: 1, name: 'Registrera reservkort' });

    await user.click(screen.getByRole('radio', { name: 'EN' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Register a reserve card' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Holder HSA-id')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Register card' })).toBeInTheDocument();
    expect(window.localStorage.getItem(STORAGE_KEYS.language)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the version and the browser mode from app:info', async () => {
    renderWithApp(<App />, t.api);
    expect(await screen.findByText('Version test')).toBeInTheDocument();
    expect(screen.getByText('Webbläsarläge')).toBeInTheDocument();
  });
});
