import type { ReactNode } from "react";

export type Column<Row> = { header: string; cell: (row: Row) => ReactNode; className?: string };

/** A plain, accessible table; scrolls horizontally on narrow screens instead of squashing columns. */
export const DataTable = <Row,>({ caption, columns, rows, rowKey }: { caption: string; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string }) => (
  <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
    <table className="min-w-full divide-y divide-slate-200 text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-50">
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className="px-4 py-2.5 text-left font-semibold text-slate-700">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={rowKey(row)} className="hover:bg-slate-50">
            {columns.map((column) => (
              <td key={column.header} className={column.className ?? "px-4 py-2.5 text-slate-800"}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
