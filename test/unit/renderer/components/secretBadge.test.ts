import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SecretStatus } from '../../../../shared/contract';
import { SecretBadge } from '../../../../renderer/src/components/SecretBadge';

const badge = (status: SecretStatus) => renderToStaticMarkup(createElement(SecretBadge, { status }));
const STORE = 'Secret Service (GNOME Keyring / KWallet)';

describe('SecretBadge', () => {
  it('a locked keychain says so, never "No secret stored"', () => {
    const html = badge({ stored: false, destinationChanged: false, store: STORE, keychain: 'locked' });
    expect(html).toContain('Keychain locked: unlock it to use or check the secret');
    expect(html).toContain('badge--warn');
    expect(html).not.toContain('No secret stored');
  });

  it('no keychain at all is named, and an absent secret is still "No secret stored"', () => {
    expect(badge({ stored: false, destinationChanged: false, store: STORE, keychain: 'unavailable' })).toContain(
      'No keychain available',
    );
    expect(badge({ stored: false, destinationChanged: false, store: STORE })).toContain('No secret stored');
    expect(badge({ stored: true, destinationChanged: false, store: STORE })).toContain(`Secret stored in ${STORE}`);
  });
});
