// Chinese documents (contracts, receipts) need a CJK font inside the PDF. Noto Sans Hans ships as an
// npm package, so `npm install` brings it and pdfkit embeds only the glyphs a document uses.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
// The package exports only its index (dist/), so the fonts folder is found beside it.
const fontDir = path.join(path.dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts");

export const CJK_FONT_REGULAR = path.join(fontDir, "NotoSansHans-Regular.otf");
export const CJK_FONT_BOLD = path.join(fontDir, "NotoSansHans-Bold.otf");
