/**
 * A report as an A4 PDF: title, Trust name, period, who generated it and when on every page, the notes,
 * the chart where the report has one, the table (its header repeated on each page) and "Page n of N".
 * pdf-lib with the standard Helvetica fonts keeps the output self-contained and the same on every
 * workstation; text outside their character set is spelt without accents rather than dropped.
 */
import type { AuditAnchor } from '../../../shared/model';
import { anchorLine } from '../../store/audit-anchor';
import {
  beginText,
  endText,
  lineTo,
  moveTo,
  type PDFFont,
  PDFDocument,
  type PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  StandardFonts,
  stroke,
} from 'pdf-lib';
import { CHART_SERIES_COLOURS, COLOUR, hexToUnitRgb } from '../../../shared/design-tokens';
import type { ReportCell, ReportChart, ReportTable } from '../../../shared/reports';
import { toWinAnsi } from './win-ansi';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 36;
const BODY_SIZE = 7.5;
const ROW_HEIGHT = 11;
const HEADER_ROW_HEIGHT = 14;
const CELL_PADDING = 3;
// The same named colours the screen's chart uses (shared/design-tokens.ts).
const tokenRgb = (hex: string) => rgb(...hexToUnitRgb(hex));
const INK = tokenRgb(COLOUR.text);
const RULE = tokenRgb(COLOUR.ruleGrey);
const SHADE = tokenRgb(COLOUR.paleGrey);
const SERIES_COLOURS = CHART_SERIES_COLOURS.map(tokenRgb);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

function cellText(value: ReportCell): string {
  return value === null ? '' : toWinAnsi(String(value));
}

/** Text widths, remembered: a report repeats the same systems, managers, roles and dates many times. */
const widthCache = new WeakMap<PDFFont, Map<string, number>>();
function widthOf(font: PDFFont, text: string): number {
  let cache = widthCache.get(font);
  if (!cache) widthCache.set(font, (cache = new Map()));
  let width = cache.get(text);
  if (width === undefined) cache.set(text, (width = font.widthOfTextAtSize(text, BODY_SIZE)));
  return width;
}

/** Cuts text to fit a width, ending with an ellipsis, so no cell spills into the next. */
function fit(text: string, font: PDFFont, width: number): string {
  if (widthOf(font, text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (font.widthOfTextAtSize(`${text.slice(0, mid)}…`, BODY_SIZE) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}…`;
}

/** Column widths in proportion to what they hold (header and a sample of cells), filling the page. */
function columnWidths(report: ReportTable, fonts: Fonts, available: number): number[] {
  const sample = report.rows.length > 400 ? report.rows.filter((_, i) => i % 50 === 0) : report.rows;
  const natural = report.columns.map((column, i) => {
    const header = fonts.bold.widthOfTextAtSize(toWinAnsi(column.label), BODY_SIZE);
    const cells = sample.map((row) => widthOf(fonts.regular, cellText(row[i] ?? null)));
    // The widest cell sets the column, within a cap so one long value cannot starve the others.
    const widest = Math.min(Math.max(0, ...cells), 150);
    return Math.max(Math.min(header, 90), widest, 24) + CELL_PADDING * 2;
  });
  const total = natural.reduce((a, b) => a + b, 0);
  return natural.map((w) => (w / total) * available);
}

function drawChart(page: PDFPage, chart: ReportChart, fonts: Fonts, x: number, top: number, width: number) {
  const height = 150;
  const plotLeft = x + 30;
  const plotBottom = top - height;
  const plotWidth = width - 40;
  page.drawText(toWinAnsi(chart.title), { x, y: top + 6, size: 9, font: fonts.bold, color: INK });
  for (const tick of [0, 25, 50, 75, 100]) {
    const y = plotBottom + (tick / 100) * (height - 20);
    page.drawLine({
      start: { x: plotLeft, y },
      end: { x: plotLeft + plotWidth, y },
      thickness: 0.3,
      color: RULE,
    });
    page.drawText(`${tick}${chart.unit}`, { x, y: y - 2.5, size: 6.5, font: fonts.regular, color: INK });
  }
  const slot = plotWidth / chart.categories.length;
  const barWidth = (slot * 0.7) / chart.series.length;
  chart.categories.forEach((category, i) => {
    chart.series.forEach((series, s) => {
      const value = series.values[i];
      if (value === null || value === undefined) return;
      page.drawRectangle({
        x: plotLeft + i * slot + slot * 0.15 + s * barWidth,
        y: plotBottom,
        width: barWidth,
        height: (value / 100) * (height - 20),
        color: SERIES_COLOURS[s % SERIES_COLOURS.length],
      });
    });
    page.drawText(toWinAnsi(category), {
      x: plotLeft + i * slot + 2,
      y: plotBottom - 10,
      size: 6,
      font: fonts.regular,
      color: INK,
    });
  });
  chart.series.forEach((series, s) => {
    const lx = plotLeft + s * 110;
    page.drawRectangle({ x: lx, y: plotBottom - 24, width: 8, height: 8, color: SERIES_COLOURS[s] });
    page.drawText(toWinAnsi(series.name), { x: lx + 12, y: plotBottom - 23, size: 7, font: fonts.regular });
  });
  return plotBottom - 40;
}

/** The Trust chain's head as this workstation last pulled it (issue 11 §3). */
export interface TrustHead {
  seq: number;
  hash: string;
}

/** One footer line: compared by eye with `gatehouse audit verify` (or `sync verify`) later. */
export function trustHeadLine(head: TrustHead): string {
  return `Trust register head as last pulled: event ${head.seq}, hash ${head.hash}`;
}

/**
 * `anchor`: the signed audit head at export (issue 10 §1), printed in every page's footer and kept
 * whole, as JSON, in the document's keywords so `gatehouse audit verify --against` can be fed it.
 * `trustHead`: on a workstation joined to a Trust register, the Trust chain's head it last pulled,
 * printed below the anchor (issue 11 §3), so a later rewrite of the Trust's history is visible too.
 */
export async function reportPdf(
  report: ReportTable,
  anchor?: AuditAnchor,
  trustHead?: TrustHead | null,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(toWinAnsi(report.title));
  doc.setAuthor(toWinAnsi(report.generatedBy));
  doc.setSubject(toWinAnsi(`${report.trustName}: ${report.period}`));
  doc.setCreator('Gatehouse');
  doc.setProducer('Gatehouse');
  doc.setCreationDate(new Date(report.generatedAt));
  if (anchor) doc.setKeywords([JSON.stringify(anchor)]);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const size: [number, number] = report.columns.length > 6 ? [A4[1], A4[0]] : A4;
  const tableWidth = size[0] - MARGIN * 2;
  const widths = columnWidths(report, fonts, tableWidth);
  const generated = `Generated by ${report.generatedBy} on ${report.generatedAt.slice(0, 10)} at ${report.generatedAt.slice(11, 16)} UTC`;

  const newPage = (): { page: PDFPage; y: number } => {
    const page = doc.addPage(size);
    let y = size[1] - MARGIN - 14;
    page.drawText(toWinAnsi(report.title), { x: MARGIN, y, size: 14, font: fonts.bold, color: INK });
    y -= 16;
    page.drawText(toWinAnsi(`${report.trustName} · ${report.period}`), {
      x: MARGIN,
      y,
      size: 9,
      font: fonts.regular,
      color: INK,
    });
    y -= 12;
    page.drawText(toWinAnsi(generated), { x: MARGIN, y, size: 8, font: fonts.regular, color: INK });
    return { page, y: y - 14 };
  };

  const drawHeaderRow = (page: PDFPage, y: number): number => {
    page.drawRectangle({
      x: MARGIN,
      y: y - HEADER_ROW_HEIGHT + 3,
      width: tableWidth,
      height: HEADER_ROW_HEIGHT,
      color: SHADE,
    });
    let x = MARGIN;
    report.columns.forEach((column, i) => {
      const width = widths[i]! - CELL_PADDING * 2;
      const label = fit(toWinAnsi(column.label), fonts.bold, width);
      const offset = column.numeric ? width - fonts.bold.widthOfTextAtSize(label, BODY_SIZE) : 0;
      page.drawText(label, {
        x: x + CELL_PADDING + offset,
        y: y - HEADER_ROW_HEIGHT + 7,
        size: BODY_SIZE,
        font: fonts.bold,
        color: INK,
      });
      x += widths[i]!;
    });
    return y - HEADER_ROW_HEIGHT - 2;
  };

  let { page, y } = newPage();
  for (const note of report.notes) {
    page.drawText(fit(toWinAnsi(note), fonts.regular, tableWidth), {
      x: MARGIN,
      y,
      size: 8,
      font: fonts.regular,
    });
    y -= 11;
  }
  if (report.chart) y = drawChart(page, report.chart, fonts, MARGIN, y - 16, Math.min(tableWidth, 480));
  if (report.rows.length === 0) {
    page.drawText('Nothing to report for this period.', {
      x: MARGIN,
      y: y - 10,
      size: 9,
      font: fonts.regular,
    });
  } else {
    y = drawHeaderRow(page, y - 6);
  }
  // The table body is written as one text object and one path per page: drawing cell by cell with
  // drawText costs a graphics state and font switch per cell, which made large reports slow.
  let text: PDFOperator[] = [];
  let rules: PDFOperator[] = [];
  const flush = () => {
    if (text.length === 0) return;
    const key = page.node.newFontDictionary(fonts.regular.name, fonts.regular.ref);
    page.pushOperators(
      pushGraphicsState(),
      setFillingRgbColor(INK.red, INK.green, INK.blue),
      beginText(),
      setFontAndSize(key, BODY_SIZE),
      ...text,
      endText(),
      setStrokingRgbColor(RULE.red, RULE.green, RULE.blue),
      setLineWidth(0.25),
      ...rules,
      stroke(),
      popGraphicsState(),
    );
    text = [];
    rules = [];
  };
  for (const row of report.rows) {
    if (y < MARGIN + 20) {
      flush();
      ({ page, y } = newPage());
      y = drawHeaderRow(page, y);
    }
    let x = MARGIN;
    row.forEach((value, i) => {
      const width = widths[i]! - CELL_PADDING * 2;
      const cell = fit(cellText(value), fonts.regular, width);
      const offset = report.columns[i]?.numeric ? width - widthOf(fonts.regular, cell) : 0;
      if (cell)
        text.push(
          setTextMatrix(1, 0, 0, 1, x + CELL_PADDING + offset, y),
          showText(fonts.regular.encodeText(cell)),
        );
      x += widths[i]!;
    });
    rules.push(moveTo(MARGIN, y - 3), lineTo(MARGIN + tableWidth, y - 3));
    y -= ROW_HEIGHT;
  }
  flush();
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = `Page ${i + 1} of ${pages.length}`;
    p.drawText(label, {
      x: size[0] - MARGIN - fonts.regular.widthOfTextAtSize(label, 8),
      y: MARGIN - 8,
      size: 8,
      font: fonts.regular,
      color: INK,
    });
    p.drawText(toWinAnsi(`Gatehouse · ${report.trustName} · OFFICIAL-SENSITIVE: personal data`), {
      x: MARGIN,
      y: MARGIN - 8,
      size: 8,
      font: fonts.regular,
      color: INK,
    });
    if (anchor) {
      p.drawText(anchorLine(anchor), { x: MARGIN, y: MARGIN - 17, size: 6, font: fonts.regular, color: INK });
    }
    if (trustHead) {
      const line = trustHeadLine(trustHead);
      p.drawText(line, { x: MARGIN, y: MARGIN - 25, size: 6, font: fonts.regular, color: INK });
    }
  });
  return doc.save({ useObjectStreams: true });
}
