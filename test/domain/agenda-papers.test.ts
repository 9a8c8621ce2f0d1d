import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safePdfFilename } from '../../src/modules/agenda/pdf.ts';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { addItem, buildAgbMeeting, MINIMAL_PDF, multipart, PNG_BYTES } from './meetings-fixtures.ts';

describe('papers', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let agb: Awaited<ReturnType<typeof buildAgbMeeting>>;
  let itemId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    member = await t.user({ roles: ['member'] });
    agb = await buildAgbMeeting(t, admin);
    itemId = agb.itemIds[5]!; // 6. Domestic Abuse
  });
  afterAll(() => t.close());

  const upload = (parts: Parameters<typeof multipart>[0], as: TestUser = admin, target = itemId) => {
    const { payload, headers } = multipart(parts);
    return t.request({ method: 'POST', url: `/api/v1/agenda-items/${target}/papers`, as, headers, payload });
  };
  const pdfPart = (filename = 'DA paper.pdf', data: Buffer = MINIMAL_PDF) => ({
    name: 'file',
    filename,
    contentType: 'application/pdf',
    data,
  });
  const fileCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('files')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores a PDF with its size and SHA-256, and lists it on the item and in the meeting', async () => {
    const res = await upload([
      { name: 'title', data: 'Domestic Abuse – paper for AGB, £5 million 😀' },
      pdfPart(),
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const paper = res.json() as { id: string };
    expect(res.json()).toMatchObject({
      itemId,
      title: 'Domestic Abuse – paper for AGB, £5 million 😀',
      confidentiality: 'public',
      filename: 'DA paper.pdf',
      contentType: 'application/pdf',
      sizeBytes: MINIMAL_PDF.length,
      sha256: createHash('sha256').update(MINIMAL_PDF).digest('hex'),
    });
    const list = await t.request({ method: 'GET', url: `/api/v1/agenda-items/${itemId}/papers`, as: member });
    expect((list.json() as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([paper.id]);
    const detail = await t.request({ method: 'GET', url: `/api/v1/meetings/${agb.meeting.id}`, as: member });
    const items = (detail.json() as { items: { id: string; papers: { id: string }[] }[] }).items;
    expect(items.find((i) => i.id === itemId)!.papers.map((p) => p.id)).toEqual([paper.id]);
  });

  it('downloads as an attachment with the right type and the same bytes', async () => {
    const created = (await upload([pdfPart('Raneem’s Law: pilot; report?.pdf')])).json() as {
      id: string;
      filename: string;
    };
    expect(created.filename).toBe('Raneem’s Law pilot report.pdf');
    const res = await t.request({ method: 'GET', url: `/api/v1/papers/${created.id}/file`, as: member });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Raneem_s Law pilot report.pdf"; filename*=UTF-8''Raneem%E2%80%99s%20Law%20pilot%20report.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(MINIMAL_PDF)).toBe(true);
  });

  it('file names lose paths and anything that could break a header', async () => {
    const res = await upload([pdfPart('..\\..\\etc/passwd.png')]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ filename: 'passwd.png.pdf' });
    expect(safePdfFilename('a/b\\..\\"evil"\r\n\u0000name\u202e.PDF')).toBe('evilname.pdf');
    expect(safePdfFilename('...')).toBe('paper.pdf');
    expect(safePdfFilename(undefined)).toBe('paper.pdf');
    expect(safePdfFilename(`${'x'.repeat(400)}.pdf`)).toHaveLength(154);
  });

  it('a PNG renamed .pdf and declared application/pdf is 415, and nothing is stored', async () => {
    const before = await fileCount();
    expectProblem(await upload([pdfPart('scan.pdf', PNG_BYTES)]), 415);
    expectProblem(await upload([pdfPart('empty.pdf', Buffer.alloc(0))]), 415);
    expect(await fileCount()).toBe(before);
  });

  it('a file over the upload limit (20 MB) is 413', async () => {
    const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const before = await fileCount();
    expectProblem(await upload([pdfPart('huge.pdf', big)]), 413);
    expect(await fileCount()).toBe(before);
  });

  it('two files in one upload are refused (413, the files limit is 1)', async () => {
    const before = await fileCount();
    expectProblem(await upload([pdfPart('a.pdf'), pdfPart('b.pdf')]), 413);
    expect(await fileCount()).toBe(before);
  });

  it('anything but multipart is 415; a form without a file or with unknown fields is 400', async () => {
    expectProblem(
      await t.request({
        method: 'POST',
        url: `/api/v1/agenda-items/${itemId}/papers`,
        as: admin,
        payload: { title: 'x' },
      }),
      415,
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: `/api/v1/agenda-items/${itemId}/papers`,
        as: admin,
        headers: { 'content-type': 'application/pdf' },
        payload: MINIMAL_PDF,
      }),
      415,
    );
    expectProblem(await upload([{ name: 'title', data: 'no file' }]), 400);
    expectProblem(await upload([{ name: 'owner', data: 'x' }, pdfPart()]), 400);
    expectProblem(await upload([{ name: 'confidentiality', data: 'secret' }, pdfPart()]), 400);
    expectProblem(await upload([pdfPart()], admin, '00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await upload([pdfPart()], member), 403);
    const { payload, headers } = multipart([pdfPart()]);
    expectProblem(
      await t.request({ method: 'POST', url: `/api/v1/agenda-items/${itemId}/papers`, headers, payload }),
      401,
    );
  });

  it('exempt papers, and papers of hidden items, are invisible to a member', async () => {
    const exemptPaper = (
      await upload([{ name: 'confidentiality', data: 'exempt' }, pdfPart('exempt annex.pdf')])
    ).json() as {
      id: string;
    };
    const hiddenItem = await addItem(t, admin, agb.meeting.id, {
      title: 'OPCC only item',
      confidentiality: 'opcc_only',
    });
    const onHidden = (await upload([pdfPart('opcc.pdf')], admin, hiddenItem.id)).json() as { id: string };
    for (const id of [exemptPaper.id, onHidden.id]) {
      expectProblem(await t.request({ method: 'GET', url: `/api/v1/papers/${id}`, as: member }), 404);
      expectProblem(await t.request({ method: 'GET', url: `/api/v1/papers/${id}/file`, as: member }), 404);
      expectProblem(await t.request({ method: 'DELETE', url: `/api/v1/papers/${id}`, as: member }), 404);
    }
    const list = await t.request({ method: 'GET', url: `/api/v1/agenda-items/${itemId}/papers`, as: member });
    expect(list.body).not.toContain(exemptPaper.id);
    const officer = await t.user({ roles: ['officer'], organisationId: agb.wmp.id });
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/papers/${exemptPaper.id}/file`, as: officer }))
        .statusCode,
    ).toBe(200);
    expectProblem(
      await t.request({ method: 'GET', url: `/api/v1/papers/${onHidden.id}/file`, as: officer }),
      404,
    );
  });

  it('deleting a paper removes its file; deleting an item removes its papers’ files', async () => {
    const item = await addItem(t, admin, agb.meeting.id, { title: 'Temporary item' });
    const p1 = (await upload([pdfPart('one.pdf')], admin, item.id)).json() as { id: string };
    await upload([pdfPart('two.pdf')], admin, item.id);
    const before = await fileCount();
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/papers/${p1.id}`, as: admin })).statusCode,
    ).toBe(204);
    expect(await fileCount()).toBe(before - 1);
    expectProblem(await t.request({ method: 'GET', url: `/api/v1/papers/${p1.id}`, as: admin }), 404);
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/agenda-items/${item.id}`, as: admin })).statusCode,
    ).toBe(204);
    expect(await fileCount()).toBe(before - 2);
  });
});
