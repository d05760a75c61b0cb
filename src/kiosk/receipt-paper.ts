/**
 * Which paper the kiosk prints the receipt on (一窗受理回执): `a4` (an office printer) or `80mm`
 * (a thermal receipt printer, the usual one in a kiosk). Chosen by the kiosk's `receipt-paper`
 * attribute, which a `?paper=a4|80mm` URL parameter overrides (so a hall can set it in the
 * kiosk's start URL). `@page` rules do not apply inside a shadow root, so the kiosk sets the
 * page size in the document while a receipt is on screen and removes it afterwards (the notice
 * and other documents print on A4 as before).
 */
export type ReceiptPaper = 'a4' | '80mm';

const PAPERS: readonly ReceiptPaper[] = ['a4', '80mm'];
const isPaper = (value: unknown): value is ReceiptPaper => PAPERS.includes(value as ReceiptPaper);

/** The paper: the URL's `paper` if valid, else the attribute if valid, else A4. */
export function receiptPaper(attribute: string | null | undefined, search: string): ReceiptPaper {
  const param = new URLSearchParams(search).get('paper');
  if (isPaper(param)) return param;
  return isPaper(attribute) ? attribute : 'a4';
}

/**
 * The page box for each paper. A roll has no fixed length: 80 mm wide, and long enough that a
 * receipt is one piece (the printer's driver cuts after the last line).
 */
export const RECEIPT_PAGE_CSS: Record<ReceiptPaper, string> = {
  a4: '@page { size: A4 portrait; margin: 12mm; }',
  '80mm': '@page { size: 80mm 500mm; margin: 3mm 4mm; }',
};

const sheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : undefined;

/** Sets the document's page size for `paper`, or removes it (`undefined`) when no receipt is shown. */
export function setReceiptPage(paper: ReceiptPaper | undefined): void {
  if (!sheet) return;
  sheet.replaceSync(paper ? RECEIPT_PAGE_CSS[paper] : '');
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
