/**
 * exceljs, loaded on first use: it adds ~25 MB to a process, and only imports and exports of
 * spreadsheets need it.
 */
type ExcelJs = typeof import('exceljs');
let loaded: Promise<ExcelJs> | null = null;

export const excel = () => {
  loaded ??= import('exceljs').then((m) => ((m as { default?: ExcelJs }).default ?? m) as ExcelJs);
  return loaded;
};
