import type { TableValue } from '../api/types';

/** A table with optional header row and column; scrolls sideways on narrow screens. */
export function TableBlock({ value }: { value: TableValue }) {
  const rows = value.data;
  const headerRow = value.first_row_is_table_header && rows.length ? rows[0] : null;
  const bodyRows = headerRow ? rows.slice(1) : rows;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={value.table_caption || undefined}>
      <table>
        {value.table_caption && <caption>{value.table_caption}</caption>}
        {headerRow && (
          <thead>
            <tr>
              {headerRow.map((cell, i) => (
                <th key={i} scope="col">
                  {cell ?? ''}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {bodyRows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 && value.first_col_is_header ? (
                  <th key={c} scope="row">
                    {cell ?? ''}
                  </th>
                ) : (
                  <td key={c}>{cell ?? ''}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
