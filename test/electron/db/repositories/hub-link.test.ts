import { describe, expect, it } from 'vitest';
import { createHubLinkRepository } from '../../../../electron/db/repositories/hub-link';
import { useTempDb } from '../../support/temp-register';

const db = useTempDb();
const repo = () => createHubLinkRepository(db());
const join = () =>
  repo().insert(
    { url: 'postgres://desk@hub:5432/hub', hubId: 'hub-1', deskId: 'alingsas', deskName: 'Alingsås' },
    100,
  );

describe('hub-link repository', () => {
  it('has no link before a join, and the joined one after', () => {
    expect(repo().get()).toBeUndefined();
    join();
    expect(repo().get()).toEqual({
      one: 1,
      url: 'postgres://desk@hub:5432/hub',
      hub_id: 'hub-1',
      desk_id: 'alingsas',
      desk_name: 'Alingsås',
      joined_at: 100,
      pushed_seq: 0,
      pull_cursor: 0,
      last_push_at: null,
      last_pull_at: null,
      last_error: null,
      last_error_at: null,
    });
  });

  it('holds one link only, and refuses a desk id the hub could not have given', () => {
    join();
    expect(() => join()).toThrow(/UNIQUE|PRIMARY KEY/);
    db().exec('DELETE FROM hub_link');
    expect(() => repo().insert({ url: 'u', hubId: 'h', deskId: 'Ålings ås', deskName: 'x' }, 1)).toThrow(
      /CHECK/,
    );
  });

  it('moves the pushed marker forwards only, and records pulls, new addresses and errors', () => {
    join();
    repo().markPushed(7, 200);
    repo().markPushed(3, 300);
    expect(repo().get()).toMatchObject({ pushed_seq: 7, last_push_at: 300 });
    repo().markPulled(42, 400);
    expect(repo().get()).toMatchObject({ pull_cursor: 42, last_pull_at: 400 });
    repo().update('postgres://desk@hub2:5432/hub', 'Alingsås lasarett');
    expect(repo().get()).toMatchObject({
      url: 'postgres://desk@hub2:5432/hub',
      desk_name: 'Alingsås lasarett',
      hub_id: 'hub-1',
    });
    repo().setError('Hubben svarar inte', 500);
    expect(repo().get()).toMatchObject({ last_error: 'Hubben svarar inte', last_error_at: 500 });
    repo().setError(null, null);
    expect(repo().get()).toMatchObject({ last_error: null, last_error_at: null });
    expect(() => repo().setError('fel', null)).toThrow(/CHECK/);
  });
});
