import { describe, expect, test } from 'vitest';
import {
  describeSecretHit,
  findCredentials,
  findSecretValues,
  type SecretValue,
  secretNeedles,
} from '../../../src/secrets/scan.ts';

// Canaries, built at run time so that no credential-shaped string is in the source.
const TOKEN = ['gh', 'p_', 'a1B2c3D4e5'.repeat(4).slice(0, 36)].join('');
const AWS = ['AK', 'IA', 'Q3EGRIKPOTUZ7X4M'].join('');
const SECRET = 'Zq7-unusual-Secret-Value-91';

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const reverse = (s: string) => [...s].reverse().join('');
/** Every byte percent-encoded, as an encoder that escapes everything writes it. */
const percentAll = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** What a user is told: the pattern's name, the masked match, the line. */
const found = (text: string) => findCredentials(text).map((h) => `${h.pattern.name} ${h.shown} on line ${h.line}`);

const values = (text: string, secrets: readonly SecretValue[] = [{ name: 'API_KEY', value: SECRET }]) =>
  findSecretValues(text, secretNeedles(secrets)).map((h) => `${describeSecretHit(h)} on line ${h.line}`);

describe('credential patterns in encodings a reviewer would not spot', () => {
  test.each([
    ['lower-case hex in a fixture string', `export const fixture = "${hex(TOKEN)}";`],
    ['upper-case hex', `FIXTURE = '${hex(TOKEN).toUpperCase()}'`],
    ['\\x-escaped bytes', `b"${hex(TOKEN).replace(/../g, '\\x$&')}"`],
    ['a byte array', `const bytes = [${hex(TOKEN).replace(/../g, '0x$&, ')}];`],
    ['space-separated bytes', `data: ${hex(TOKEN).replace(/../g, '$& ')}`],
    ['colon-separated bytes', `data: ${hex(TOKEN).replace(/(..)(?!$)/g, '$1:')}`],
    ['hex one digit off (a hex digit before the run)', `id=a${hex(TOKEN)}`],
  ])('a GitHub token as %s is refused as a hex-encoded token', (_name, line) => {
    expect(found(`first line\n${line}\nlast line`)).toEqual([`hex-encoded GitHub token ghp_…(40 chars) on line 2`]);
  });

  test('URL-encoded (every byte, or only some) is refused', () => {
    expect(found(`https://example.com/cb?token=${percentAll(TOKEN)}&x=1`)).toEqual([
      'URL-encoded GitHub token ghp_…(40 chars) on line 1',
    ]);
    const some = `${TOKEN.slice(0, 2)}%70%5F${TOKEN.slice(4)}`;
    expect(found(`curl "https://x.example/?t=${some}"`)).toEqual([
      'URL-encoded GitHub token ghp_…(40 chars) on line 1',
    ]);
  });

  test('reversed is refused, on the line it is on', () => {
    expect(found(`one\ntwo\nconst t = "${reverse(TOKEN)}"; // reverse me\nfour`)).toEqual([
      'reversed GitHub token ghp_…(40 chars) on line 3',
    ]);
    expect(found(`key ${reverse(AWS)}`)).toEqual(['reversed AWS access key id AKIA…(20 chars) on line 1']);
  });

  test.each([
    [
      'two literals joined with + on consecutive lines',
      `const t =\n  "${TOKEN.slice(0, 15)}" +\n  "${TOKEN.slice(15)}";`,
      3,
    ],
    ['implicit concatenation (Python, C)', `T = ("${TOKEN.slice(0, 15)}"\n     "${TOKEN.slice(15)}")`, 2],
    [
      'an array of pieces joined at run time',
      `[\n  '${TOKEN.slice(0, 10)}',\n  '${TOKEN.slice(10, 25)}',\n  '${TOKEN.slice(25)}',\n].join('')`,
      3,
    ],
    ['a line continued with a backslash inside the literal', `TOKEN="${TOKEN.slice(0, 15)}\\\n${TOKEN.slice(15)}"`, 2],
    ['two literals on one line', `const t = "${TOKEN.slice(0, 15)}" + "${TOKEN.slice(15)}";`, 2],
  ])('a token cut into string literals: %s', (_name, text, line) => {
    expect(found(`// header\n${text}`)).toEqual([
      `GitHub token split across string literals ghp_…(40 chars) on line ${line}`,
    ]);
  });

  test('a token wrapped across lines of a text file or a comment is refused', () => {
    expect(found(`notes\n${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)}\n`)).toEqual([
      'GitHub token split across lines ghp_…(40 chars) on line 2',
    ]);
    expect(found(`x = 1\n# ${TOKEN.slice(0, 20)}\n# ${TOKEN.slice(20)}`)).toEqual([
      'GitHub token split across lines ghp_…(40 chars) on line 2',
    ]);
  });

  test('hex cut into string literals on two lines is refused', () => {
    const h = hex(TOKEN);
    expect(found(`const f =\n  "${h.slice(0, 40)}" +\n  "${h.slice(40)}";`)).toEqual([
      'hex-encoded GitHub token split across string literals ghp_…(40 chars) on line 2',
    ]);
  });

  test('a token in plain text is reported once, not again from a decoded or joined view', () => {
    const text = `token ${TOKEN}\n${TOKEN.slice(0, 8)} ${hex('hello world, nothing here')}\nhttps://x.org/a%20b\n"${TOKEN}"`;
    expect(found(text)).toEqual(['GitHub token ghp_…(40 chars) on line 1', 'GitHub token ghp_…(40 chars) on line 4']);
  });

  test('a token the step was given is reported as the secret, not also as an encoded pattern', () => {
    const needles = secretNeedles([TOKEN]);
    expect(findCredentials(`x = "${hex(TOKEN)}"`, needles)).toEqual([]);
    expect(findSecretValues(`x = "${hex(TOKEN)}"`, needles)).toHaveLength(1);
  });
});

describe('ordinary text is not refused', () => {
  test.each([
    ['git SHAs', 'Reverts 3f786850e387550fdab836ed7e6dc881de23001b and 0123456789abcdef0123456789abcdef01234567.'],
    [
      'sha256 digests',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  package.tgz\nsha256:' +
        '9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08',
    ],
    ['an integrity hash and a UUID', 'integrity sha512-deadbeef== id 123e4567-e89b-12d3-a456-426614174000'],
    ['URLs with percent-encoding', 'See https://example.com/search?q=hello%20world%2C%20again&lang=en%2DUS'],
    [
      'a base64 image',
      `![x](data:image/png;base64,${Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)).toString('base64')})`,
    ],
    ['an xxd dump of ordinary text', '00000000: 6865 6c6c 6f2c 2077 6f72 6c64 0a  hello, world.'],
    [
      'code with string literals on consecutive lines',
      'const a = [\n  "disk-",\n  "Usage-Monitor-Service-2-name",\n];',
    ],
    ['prose wrapped across lines', 'We use sk-\nlearn for the model and the\ndisk-usage-monitor-Service-2-name flag.'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
    expect(values(text)).toEqual([]);
  });
});

describe('exact secret values in encodings a reviewer would not spot', () => {
  test.each([
    ['hex (lower case)', hex(SECRET), 'the hex-encoded value'],
    ['hex (upper case)', hex(SECRET).toUpperCase(), 'the hex-encoded value'],
    ['percent-encoded', percentAll(SECRET), 'the URL-encoded value'],
    ['reversed', reverse(SECRET), 'the reversed value'],
  ])('%s', (_name, encoded, words) => {
    expect(values(`line one\nconst v = "${encoded}";`)).toEqual([
      `${words} of secret "API_KEY" (${SECRET.length} characters) on line 2`,
    ]);
  });

  test('JSON-escaped: quotes, backslashes, slashes and non-ASCII characters escaped', () => {
    const secret = 'pa"ss\\wo/rd-é-2024';
    const given = [{ name: 'DB_PASSWORD', value: secret }];
    const words = `the JSON-escaped value of secret "DB_PASSWORD" (${[...secret].length} characters) on line 1`;
    expect(values(JSON.stringify({ password: secret }), given)).toEqual([words]);
    expect(values(JSON.stringify({ password: secret }).replace(/\//g, '\\/'), given)).toEqual([words]);
    const asciiOnly = JSON.stringify({ password: secret }).replace('é', '\\u00e9');
    expect(values(asciiOnly, given)).toEqual([words]);
  });

  test('a non-ASCII secret percent-encoded as UTF-8', () => {
    const secret = 'grüße-Geheimnis-7';
    expect(values(`?p=${encodeURIComponent(secret)}`, [secret])).toEqual([
      `the URL-encoded value of secret #1 given to this step (${secret.length} characters) on line 1`,
    ]);
  });

  test('a value split across two string literals', () => {
    expect(values(`const v = "${SECRET.slice(0, 10)}" +\n  "${SECRET.slice(10)}";`)).toEqual([
      `the value of secret "API_KEY" (${SECRET.length} characters) split across string literals on line 1`,
    ]);
  });
});

describe('cost', () => {
  test('several megabytes of hex, literals, URLs and prose are scanned in linear time, not quadratic', () => {
    const lines: string[] = [];
    const sha = (i: number) => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(5);
    for (let i = 0; i < 40_000; i++) {
      lines.push(
        [
          `  const x${i} = "part ${i}" + 'another' + \`tpl\`; // ${sha(i)}`,
          `  url: "https://example.com/a%20b%2F${i}?q=%C3%A9",`,
          `  digest ${sha(i)}${sha(i + 1).slice(0, 24)} ${reverse(sha(i))}`,
          `    plain prose line ${i} with words and WORDS-${i}`,
        ][i % 4] as string,
      );
    }
    const small = lines.slice(0, 4_000).join('\n');
    const large = `${lines.join('\n')}\n"${TOKEN.slice(0, 20)}" +\n"${TOKEN.slice(20)}"`;
    expect(large.length).toBeGreaterThan(3_000_000);
    const needles = secretNeedles([SECRET]);
    const time = (text: string) => {
      const start = performance.now();
      findSecretValues(text, needles);
      const hits = findCredentials(text, needles);
      return { ms: performance.now() - start, hits };
    };
    const a = time(small);
    const b = time(large);
    expect(a.hits).toEqual([]);
    expect(b.hits.map((h) => h.pattern.name)).toEqual(['GitHub token split across string literals']);
    // 10× the text: a quadratic scan takes ~100× as long; a linear one ~10×.
    expect(b.ms).toBeLessThan(Math.max(a.ms, 50) * 40);
  }, 60_000);
});
