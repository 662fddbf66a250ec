/**
 * Reading the references a document or a source comment makes to other files of this
 * repository, for `test/unit/docs-links.test.ts`: Markdown links and headings (with GitHub's
 * heading anchors), the comments of a TypeScript file, and `.md` paths mentioned in text, with
 * the section (`docs/design.md §3.3`) they point at.
 */

export interface Heading {
  level: number;
  /** The heading as GitHub renders it: code spans, links and HTML reduced to their text. */
  text: string;
  /** Its anchor, as GitHub makes it (`#3-security-model`). */
  slug: string;
  /** 1-based. */
  line: number;
}

export interface MarkdownLink {
  target: string;
  line: number;
}

export interface Located {
  text: string;
  /** 1-based line where `text` starts. */
  line: number;
}

/** The lines of a Markdown file outside fenced code blocks (``` or ~~~), each with its 1-based number. */
export function proseLines(markdown: string): Located[] {
  const out: Located[] = [];
  let fence: { char: string; length: number } | null = null;
  markdown.split('\n').forEach((text, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      const closes =
        marker !== undefined &&
        marker[0] === fence.char &&
        marker.length >= fence.length &&
        /^\s*$/.test(text.trim().slice(marker.length));
      if (closes) fence = null;
      return;
    }
    if (marker !== undefined) {
      fence = { char: marker[0] as string, length: marker.length };
      return;
    }
    out.push({ text, line: i + 1 });
  });
  return out;
}

/** Inline code spans replaced by their content's length in spaces, so that nothing in them reads as a link. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (span) => ' '.repeat(span.length));
}

/** The text GitHub shows for a heading's Markdown. */
function renderedText(markdown: string): string {
  return markdown
    .replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks, code: string) => code.trim())
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim();
}

/**
 * GitHub's anchor for a heading text (github-slugger): lower case, every character that is not a
 * letter, mark, digit, connector (`_`), hyphen or space removed, spaces made hyphens.
 */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The ATX headings (`## Title`) of a Markdown file, with the anchors GitHub gives them (`-1`, `-2` for repeats). */
export function headings(markdown: string): Heading[] {
  const seen = new Map<string, number>();
  const out: Heading[] = [];
  for (const { text, line } of proseLines(markdown)) {
    const match = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(text);
    if (!match) continue;
    const rendered = renderedText(match[2] as string);
    const base = githubSlug(rendered);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.push({
      level: (match[1] as string).length,
      text: rendered,
      slug: count === 0 ? base : `${base}-${count}`,
      line,
    });
  }
  return out;
}

/** Every link target of a Markdown file: inline links and images, reference definitions, `href`/`src` attributes. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const out: MarkdownLink[] = [];
  for (const { text, line } of proseLines(markdown)) {
    const prose = withoutCodeSpans(text);
    for (const m of prose.matchAll(/!?\[(?:[^\]]|\][^(])*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
      out.push({ target: (m[1] as string).replace(/^<|>$/g, ''), line });
    }
    const definition = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(prose);
    if (definition) out.push({ target: (definition[1] as string).replace(/^<|>$/g, ''), line });
    for (const m of prose.matchAll(/\b(?:href|src)\s*=\s*"([^"]*)"/g)) out.push({ target: m[1] as string, line });
  }
  return out;
}

/**
 * The comments of a TypeScript file (`//` and `/* … *\/`), skipping strings, template literals
 * and regular-expression literals so that a `//` inside one is not taken for a comment.
 */
export function sourceComments(source: string): Located[] {
  const out: Located[] = [];
  let i = 0;
  let line = 1;
  /** Brace depth of each `${` we are inside, innermost last. */
  const templates: number[] = [];
  let depth = 0;
  let previous = '';
  const advance = (to: number) => {
    for (let k = i; k < to && k < source.length; k++) if (source[k] === '\n') line++;
    i = to;
  };
  const skipQuoted = (quote: string) => {
    let k = i + 1;
    while (k < source.length && source[k] !== quote && source[k] !== '\n') k += source[k] === '\\' ? 2 : 1;
    advance(k + 1);
  };
  /** From inside a template literal to its end, or to a `${` (entered). */
  const skipTemplate = () => {
    let k = i;
    while (k < source.length) {
      if (source[k] === '\\') k += 2;
      else if (source[k] === '`') {
        advance(k + 1);
        return;
      } else if (source[k] === '$' && source[k + 1] === '{') {
        templates.push(depth);
        depth++;
        advance(k + 2);
        return;
      } else k++;
    }
    advance(k);
  };
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out.push({ text: source.slice(i, stop), line });
      advance(stop);
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out.push({ text: source.slice(i, stop), line });
      advance(stop);
    } else if (c === '/' && /^$|[(,=:[!&|?{};+\-*%<>~^]$|\breturn$|\btypeof$/.test(previous)) {
      // A regular-expression literal: to the closing `/` outside a character class.
      let k = i + 1;
      let inClass = false;
      while (k < source.length && source[k] !== '\n') {
        if (source[k] === '\\') k++;
        else if (source[k] === '[') inClass = true;
        else if (source[k] === ']') inClass = false;
        else if (source[k] === '/' && !inClass) break;
        k++;
      }
      advance(k + 1);
      previous = 'x';
    } else if (c === "'" || c === '"') {
      skipQuoted(c);
      previous = 'x';
    } else if (c === '`') {
      advance(i + 1);
      skipTemplate();
      previous = 'x';
    } else {
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (templates.length > 0 && depth === templates.at(-1)) {
          templates.pop();
          advance(i + 1);
          skipTemplate();
          previous = 'x';
          continue;
        }
      }
      if (!/\s/.test(c)) {
        // The last token before a `/`: punctuation, or a word (`return`, `typeof`, an identifier).
        const word = /^[A-Za-z_$][\w$]*/.exec(source.slice(i))?.[0];
        if (word) {
          previous = word;
          advance(i + word.length);
          continue;
        }
        previous = c;
      }
      advance(i + 1);
    }
  }
  return out;
}

export interface DocumentMention {
  /** As written: `docs/design.md`. */
  path: string;
  /** `§3.3` → [3, 3]; empty when no section is named. */
  section: number[];
  line: number;
}

/** The `.md` paths mentioned in `text` (prose or a comment), each with the `§` section that follows it. */
export function documentMentions(located: readonly Located[]): DocumentMention[] {
  const out: DocumentMention[] = [];
  for (const { text, line } of located) {
    const lines = text.split('\n');
    lines.forEach((part, offset) => {
      for (const m of part.matchAll(
        /(?<![\w./-])((?:\.{1,2}\/)*(?:[\w.-]+\/)*[\w-][\w.-]*\.md)(?![\w/-])`?(?:\s+§\s?(\d+(?:\.\d+)*))?/g,
      )) {
        const section = m[2] === undefined ? [] : m[2].split('.').map(Number);
        out.push({ path: m[1] as string, section, line: line + offset });
      }
    });
  }
  return out;
}

/**
 * Whether a Markdown file has the numbered section `[n]` (a heading `n. …`) or `[n, m]` (inside
 * section n, a heading `n.m …` or the list item `m.`).
 */
export function hasSection(markdown: string, section: readonly number[]): boolean {
  const [major, minor] = section;
  if (major === undefined) return true;
  const all = headings(markdown);
  const start = all.find((h) => new RegExp(`^${major}\\.(\\s|$)`).test(h.text));
  if (!start) return false;
  if (minor === undefined) return true;
  const end = all.find((h) => h.line > start.line && h.level <= start.level)?.line ?? Number.POSITIVE_INFINITY;
  const body = proseLines(markdown).filter((l) => l.line > start.line && l.line < end);
  return body.some(
    (l) =>
      new RegExp(`^#+\\s+${major}\\.${minor}(\\.|\\s)`).test(l.text) ||
      new RegExp(`^ {0,3}${minor}\\.\\s`).test(l.text),
  );
}
