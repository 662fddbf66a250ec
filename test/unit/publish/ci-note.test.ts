import { describe, expect, test } from 'vitest';
import { ciNote, tokenPublisher } from '../../../src/publish/ci-note.ts';

describe('what the tracking comment says about CI', () => {
  test('by the token that published: none of it is ever shown', () => {
    const token = `ghp_${'a'.repeat(36)}`;
    expect(tokenPublisher(token)).toEqual({ kind: 'token', prefix: 'ghp_' });
    expect(tokenPublisher(`github_pat_${'b'.repeat(40)}`)).toEqual({ kind: 'token', prefix: 'github_pat_' });
    expect(tokenPublisher('not-a-github-token')).toEqual({ kind: 'token', prefix: '' });
    expect(ciNote(tokenPublisher(token))).not.toContain('aaaa');
  });

  test("GITHUB_TOKEN starts no workflow; an App's or a person's token starts them with the repository's secrets", () => {
    expect(ciNote({ kind: 'token', prefix: 'ghs_' })).toMatch(/GitHub starts none of this repository's workflows/);
    for (const publisher of [{ kind: 'app' } as const, { kind: 'token', prefix: 'ghp_' } as const]) {
      const note = ciNote(publisher);
      expect(note).toMatch(/workflows run on the pull request with the repository's secrets/);
      expect(note).toContain('skip `ensemble/*` branches');
    }
  });
});
