import { createHash } from 'node:crypto';
import { canAdministerBoard, canSee } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { Forbidden, NotFound, UnsupportedMediaType } from '../../core/errors.ts';
import { requireUser } from '../../core/principal.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Confidentiality } from '../../db/schema.ts';
import { getItemForRead, getItemForWrite } from './item-access.ts';
import * as repo from './papers-repo.ts';
import { isPdf, safePdfFilename } from './pdf.ts';
import type { Paper } from './schemas.ts';
import { toPaper } from './visible-items.ts';

export interface Upload {
  title?: string;
  confidentiality: Confidentiality;
  filename: string | undefined;
  data: Buffer;
}

/** A paper is visible only when both it and its item are: 404 otherwise, as for an unknown id. */
async function paperForRead(ctx: ServiceContext, id: string) {
  requireUser(ctx.actor);
  const row = await repo.findPaper(ctx.db, id);
  if (
    !row ||
    !canSee(ctx.actor, row.board_id, row.item_confidentiality) ||
    !canSee(ctx.actor, row.board_id, row.confidentiality)
  ) {
    throw new NotFound('paper');
  }
  return row;
}

/** Checked before the upload is read, so nobody can make us read 20 MB they may not store. */
export async function authoriseUpload(ctx: ServiceContext, itemId: string): Promise<void> {
  const user = requireUser(ctx.actor);
  const item = await getItemForRead(ctx, itemId);
  if (!canAdministerBoard(user, item.board_id)) throw new Forbidden();
}

export async function uploadPaper(ctx: ServiceContext, itemId: string, upload: Upload): Promise<Paper> {
  if (!isPdf(upload.data)) throw new UnsupportedMediaType('Papers must be PDF files.');
  const filename = safePdfFilename(upload.filename);
  return ctx.db.transaction().execute(async (db) => {
    const { user } = await getItemForWrite({ ...ctx, db }, itemId);
    const fileId = await repo.insertFile(db, {
      filename,
      content_type: 'application/pdf',
      size_bytes: upload.data.length,
      sha256: createHash('sha256').update(upload.data).digest('hex'),
      data: upload.data,
      uploaded_by: user.userId,
    });
    const id = await repo.insertPaper(db, {
      item_id: itemId,
      file_id: fileId,
      title: upload.title ?? filename.replace(/\.pdf$/, ''),
      confidentiality: upload.confidentiality,
    });
    const paper = toPaper((await repo.findPaper(db, id))!);
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'paper.create',
      entityType: 'paper',
      entityId: id,
      after: paper,
      requestId: ctx.requestId,
    });
    return paper;
  });
}

export async function listPapers(ctx: ServiceContext, itemId: string): Promise<Paper[]> {
  const item = await getItemForRead(ctx, itemId);
  const rows = await repo.listPapersOfItems(ctx.db, [itemId]);
  return rows.filter((r) => canSee(ctx.actor, item.board_id, r.confidentiality)).map(toPaper);
}

export async function getPaper(ctx: ServiceContext, id: string): Promise<Paper> {
  return toPaper(await paperForRead(ctx, id));
}

export async function downloadPaper(
  ctx: ServiceContext,
  id: string,
): Promise<{ filename: string; contentType: string; data: Buffer }> {
  const row = await paperForRead(ctx, id);
  const data = await repo.readFileData(ctx.db, row.file_id);
  if (!data) throw new NotFound('paper');
  return { filename: row.filename, contentType: row.content_type, data };
}

export async function deletePaper(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (db) => {
    const row = await paperForRead({ ...ctx, db }, id);
    const { user } = await getItemForWrite({ ...ctx, db }, row.item_id);
    await repo.deletePaper(db, id);
    await repo.deleteFiles(db, [row.file_id]);
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'paper.delete',
      entityType: 'paper',
      entityId: id,
      before: toPaper(row),
      requestId: ctx.requestId,
    });
  });
}
