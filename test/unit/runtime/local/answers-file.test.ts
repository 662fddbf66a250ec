import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { answersFromFile, readAnswersFile } from '../../../../src/runtime/local/answers-file.ts';
import { UsageError } from '../../../../src/runtime/local/cli-io.ts';
import { validQuestion } from '../../../support/documents.ts';

const dir = mkdtempSync(join(tmpdir(), 'ensemble-answers-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const read = (name: string, text: string) => readAnswersFile(file(name, text), name);
const refused = (name: string, text: string) => {
  try {
    read(name, text);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${name} was accepted`);
};

describe('--answers FILE, read before the run starts', () => {
  test('a YAML or JSON mapping answers by question id; empty values leave a question unanswered', () => {
    expect(read('b.yaml', 'page-size: "50"\nsort: ""\nauth:\n')).toEqual({
      file: 'b.yaml',
      kind: 'mapping',
      answers: new Map([['page-size', '50']]),
    });
    expect(read('c.json', '{"page-size": " 20 per page ", "sort": null}')).toEqual({
      file: 'c.json',
      kind: 'mapping',
      answers: new Map([['page-size', '20 per page']]),
    });
  });

  test('any other file is plain text: the whole text is the answer, even when it reads like YAML', () => {
    expect(read('answers.txt', '\nUse 50: that is what the mobile app asks for.\n')).toEqual({
      file: 'answers.txt',
      kind: 'text',
      text: 'Use 50: that is what the mobile app asks for.',
    });
    expect(read('answers', 'page-size: 50')).toMatchObject({ kind: 'text', text: 'page-size: 50' });
  });

  test('mistakes are usage errors that name the file and say what to do', () => {
    expect(() => readAnswersFile(join(dir, 'missing.yml'), 'missing.yml')).toThrow(
      /^--answers: cannot read missing\.yml: ENOENT/,
    );
    mkdirSync(join(dir, 'folder.yml'));
    expect(() => readAnswersFile(join(dir, 'folder.yml'), 'folder.yml')).toThrow(/cannot read folder\.yml: EISDIR/);
    expect(refused('empty.txt', ' \n\n')).toMatch(/^--answers: empty\.txt is empty: write the answers in it/);
    expect(refused('empty.yml', '')).toMatch(/empty\.yml is empty/);
    expect(refused('number.yml', 'page-size: 50\n')).toBe(
      '--answers: number.yml: the answer to "page-size" is a number, not text; write it as a quoted string ' +
        '(page-size: "50")',
    );
    expect(refused('list.yml', 'page-size: [20, 50]\n')).toMatch(/the answer to "page-size" is a list, not text/);
    expect(refused('top-list.json', '["50"]')).toMatch(
      /^--answers: top-list\.json must be a JSON mapping of question id to answer text \(got a list\)/,
    );
    expect(refused('scalar.yml', 'just words\n')).toMatch(
      /must be a YAML mapping .*\(got a string\).*not \.json, \.yml or \.yaml/,
    );
    expect(refused('bad.json', '{"page-size": "50",}')).toMatch(/^--answers: bad\.json is not valid JSON: /);
    expect(refused('bad.yaml', 'a: "unclosed\n')).toMatch(/^--answers: bad\.yaml is not valid YAML: /);
    expect(refused('blank.yml', 'page-size: ""\nsort:\n')).toBe(
      '--answers: blank.yml answers nothing: every answer in it is empty; fill in at least one',
    );
    expect(refused('long.txt', 'x'.repeat(19_001))).toMatch(/the answer is 19001 characters long/);
  });
});

describe('the answers a file gives to a round of questions', () => {
  const questions = [validQuestion({ id: 'page-size' }), validQuestion({ id: 'sort' })];

  test('a mapping answers the ids it has, as [id] answer; its other keys go along once, said to match no question', () => {
    const answers = read('m.yml', 'page-size: "50"\nsorting: by name\n');
    const use = { textUsed: false, given: new Set<string>() };
    const first = answersFromFile(answers, questions, use);
    expect(first.answered).toEqual(['page-size']);
    expect([...first.byId]).toEqual([['page-size', '[page-size] 50']]);
    expect(first.unmatched).toEqual(['sorting']);
    expect(first.other).toBe(
      'These answers were given under ids that match none of your questions; use them where they help:\n' +
        '[sorting] by name',
    );
    // A second round that asks "sorting" gets it as its answer (page-size, given already, is not
    // passed on again); one that asks neither gets nothing.
    const second = answersFromFile(answers, [validQuestion({ id: 'sorting' })], use);
    expect([...second.byId]).toEqual([['sorting', '[sorting] by name']]);
    expect(second.other).toBeNull();
    const third = answersFromFile(answers, [validQuestion({ id: 'colour' })], use);
    expect(third).toMatchObject({ answered: [], other: null, unmatched: ['page-size', 'sorting'] });
  });

  test('plain text answers every question of the first round it meets, and no later round', () => {
    const answers = read('t.txt', 'Fifty, sorted by name.');
    const use = { textUsed: false, given: new Set<string>() };
    expect(answersFromFile(answers, questions, use)).toMatchObject({
      answered: ['page-size', 'sort'],
      other: 'Fifty, sorted by name.',
    });
    expect(answersFromFile(answers, questions, use)).toMatchObject({ answered: [], other: null });
  });
});
