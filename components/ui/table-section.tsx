import { type Column, DataTable } from "./data-table";
import { EmptyState } from "./empty-state";

type TableSectionProps<Row> = {
  /** Heading id; the section is labelled by its heading. */
  id: string;
  title: string;
  emptyTitle: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: Column<Row>[];
};

/** A titled section of a detail page: its table, or an honest empty state when there is nothing to list. */
export const TableSection = <Row,>({ id, title, emptyTitle, rows, rowKey, columns }: TableSectionProps<Row>) => (
  <section aria-labelledby={id} className="space-y-3">
    <h2 id={id} className="text-lg font-semibold">
      {title}
    </h2>
    {rows.length === 0 ? (
      <EmptyState title={emptyTitle} />
    ) : (
      <DataTable caption={title} rows={rows} rowKey={rowKey} columns={columns} />
    )}
  </section>
);
