import { buildReport } from '../../report/build-report.js';
import { htmlPage } from '../../report/html.js';
import { pageSheets } from '../../report/page-sheets.js';
import { reportCharts, reportPage } from '../../report/render-report.js';
import { toXlsx } from '../../report/xlsx.js';
import { codedProject } from '../coded-project.js';
import { HttpError } from '../http.js';
import type { Route } from '../router.js';
import type { Workbench } from '../workbench.js';

/**
 * The report of `qda report`, made from the project (codings that are not rejected; optionally
 * of chosen coders), downloaded as the HTML page or the XLSX workbook.
 * @example new Router(reportRoutes(workbench))
 */
export function reportRoutes(wb: Workbench): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/report',
      handler: async ({ query, actor }) => {
        const format = query.get('format');
        if (format !== 'html' && format !== 'xlsx') throw new HttpError(400, '"format" must be html or xlsx');
        const current = await wb.store.currentCodebook();
        if (!current) throw new HttpError(409, 'this project has no codebook yet');
        const coder = query.getAll('coder').filter(Boolean);
        const coded = await codedProject(wb.store, { ...(coder.length > 0 ? { coder } : {}), viewer: actor.coder ?? actor.id });
        const data = buildReport(coded, current.codebook, {
          coder: coder.length > 0 ? coder.join(', ') : 'all coders',
          title: current.codebook.name ?? wb.name,
        });
        // One file on its own: the page without the script that sorts its tables (a download has
        // no report.js beside it), and the workbook of the page's tables.
        const page = reportPage(data, reportCharts(data));
        const base = wb.name.replace(/\.qda$/i, '') || 'report';
        return format === 'html'
          ? { download: { name: `${base}-report.html`, type: 'text/html; charset=utf-8', body: htmlPage(page) } }
          : {
              download: {
                name: `${base}-tables.xlsx`,
                type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                body: await toXlsx(pageSheets(page)),
              },
            };
      },
    },
  ];
}
