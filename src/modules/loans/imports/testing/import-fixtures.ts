// Fixtures for the import tests: borrowers with just what matching reads (name, card on file), a
// statement written as a bank exports it, and a multipart upload through the test client.
import { randomUUID } from "node:crypto";
import type { Db } from "../../../../platform/db.ts";
import type { TestClient } from "../../../../platform/testing/test-app.ts";
import { customers } from "../../../customers/customers.schema.ts";
import { userId } from "../../testing/loan-factory.ts";

export async function newBorrower(db: Db, name: string, card: string | null = null): Promise<string> {
  const id = randomUUID();
  // Matching reads only the name and the masked card; the sealed fields hold placeholders.
  await db.insert(customers).values({
    id,
    type: "individual",
    name,
    segment: "individual",
    idNumberEnc: "test",
    idNumberIndex: `test-${id}`,
    idNumberMasked: "110***********0000",
    birthDate: "1985-01-01",
    gender: "male",
    phoneEnc: "test",
    phoneIndex: `test-${id}`,
    phoneMasked: "138****0000",
    bankCardMasked: card,
    ownerId: await userId(db, "customer-manager"),
  });
  return id;
}

export type StatementLine = {
  date: string;
  memo: string;
  debit?: string;
  credit?: string;
  payer?: string;
  account?: string;
  reference: string;
};

/** A CSV bank statement: title lines, the header, the lines, a total line. */
export function statementCsv(lines: StatementLine[]): Buffer {
  const rows = [
    "中国工商银行 账户交易明细",
    "账号: 1202 0213 0920 0088 866,户名: 小贷通小额贷款有限公司",
    "交易日期,摘要,借方金额,贷方金额,余额,对方户名,对方账号,流水号",
    ...lines.map((l) =>
      [l.date, l.memo, l.debit ?? "", l.credit ?? "", "", l.payer ?? "", l.account ?? "", l.reference]
        .map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
        .join(","),
    ),
    "合计,,,,,,,",
  ];
  return Buffer.from(`\uFEFF${rows.join("\r\n")}\r\n`, "utf8");
}

export function multipart(parts: { name: string; value: string | Buffer; filename?: string }[]) {
  const boundary = "----mc-import-boundary";
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ""}`;
    const type = p.filename ? "Content-Type: application/octet-stream\r\n" : "";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function uploadStatement(
  client: TestClient,
  file: Buffer,
  options: { fileName?: string; channel?: string } = {},
) {
  const body = multipart([
    ...(options.channel ? [{ name: "channel", value: options.channel }] : []),
    { name: "file", value: file, filename: options.fileName ?? "statement.csv" },
  ]);
  return client.request({
    method: "POST",
    url: "/api/v1/repayment-imports",
    payload: body.payload,
    headers: { "content-type": body.contentType, "x-csrf-token": client.cookies.mc_csrf },
  });
}
