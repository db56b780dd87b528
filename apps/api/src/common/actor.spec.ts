import { ANONYMOUS_ACTOR } from '@verkosto/domain';
import { actorOf } from './actor';

describe('actorOf', () => {
  it('records the signed-in user by id and email', () => {
    expect(actorOf({ req: { user: { id: 'u-1', email: 'koordinaattori@example.fi' } } })).toEqual({
      id: 'u-1',
      email: 'koordinaattori@example.fi',
    });
  });

  it('keeps a user without an email by id', () => {
    expect(actorOf({ req: { user: { id: 'token-7' } } })).toEqual({ id: 'token-7', email: null });
  });

  it('is anonymous without a user, a request or a context', () => {
    expect(actorOf({ req: {} })).toBe(ANONYMOUS_ACTOR);
    expect(actorOf({ req: { user: null } })).toBe(ANONYMOUS_ACTOR);
    expect(actorOf({})).toBe(ANONYMOUS_ACTOR);
    expect(actorOf(undefined)).toBe(ANONYMOUS_ACTOR);
  });
});
