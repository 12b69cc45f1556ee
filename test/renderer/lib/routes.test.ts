import { describe, expect, it } from 'vitest';
import { parseHash } from '../../../renderer/lib/routes';

// The sibling of issue 13 item 6 in the page itself: a malformed percent-encoding in the
// address must not throw out of the router and leave a blank window.
describe('hash routes with a malformed encoding', () => {
  it.each(['#/register/%E0%A4%A', '#/register/%', '#/register/abc%G1'])('%s opens the register', (hash) => {
    expect(parseHash(hash)).toEqual({ page: 'register', cardId: null });
  });
});
