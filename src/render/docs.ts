import type { DocsDocument } from '../contracts/docs.ts';
import { type Ctx, finish, makeCtx, type RenderOptions } from './context.ts';
import { blocks, STEP_SUMMARY_LIMIT } from './markdown.ts';

export const DOCS_STATUS: Record<DocsDocument['status'], string> = {
  updated: '📝 updated',
  'no-change': '➖ no change needed',
  failed: '❌ failed',
};

export function docsSection(docs: Pick<DocsDocument, 'status' | 'summary' | 'filesChanged'>, ctx: Ctx): string {
  return blocks(
    `**Status:** ${DOCS_STATUS[docs.status]}`,
    ctx.block(docs.summary),
    docs.filesChanged.length > 0 &&
      `**Files changed** (${docs.filesChanged.length}): ${docs.filesChanged.map(ctx.code).join(', ')}`,
  );
}

/** The docs stage's result as a step summary (capped at 1 MiB unless `options.limit` says otherwise). */
export function renderDocsMarkdown(
  docs: Pick<DocsDocument, 'status' | 'summary' | 'filesChanged'>,
  options: RenderOptions = {},
): string {
  const ctx = makeCtx(options);
  return finish(blocks(ctx.heading(0, 'Documentation'), docsSection(docs, ctx)), options, STEP_SUMMARY_LIMIT);
}
