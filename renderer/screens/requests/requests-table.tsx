/**
 * The request queue (issue 12 §5): sortable and filterable by system, state, SLA standing and
 * person, most urgent first by default (breached, then at risk, then by target date). Sorting and
 * filtering are TanStack Table's, not hand-written.
 */
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  filterFn_includesString,
  flexRender,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useEffect, useRef, useState } from 'react';
import { type AccessRequest, REQUEST_TYPE_LABELS } from '../../../shared/requests';
import { SLA_TAGS, SLA_URGENCY } from '../../../shared/status-tags';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { displayPreferences } from '../../state/display-preferences';
import { STATE_LABELS } from './request-labels';
import { SlaStanding } from './sla-standing';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  filterFns: { equalsString: filterFn_equalsString, includesString: filterFn_includesString },
});

const column = createColumnHelper<typeof features, AccessRequest>();
const FILTER_ONLY = 'slaStanding';

/** Most urgent first: breached, at risk, on time..., then the earliest target date. */
export function urgencyKey(request: AccessRequest): string {
  return `${SLA_URGENCY[request.sla.target]}|${request.sla.targetDue ?? '9999-12-31'}`;
}

const columns = column.columns([
  column.accessor('reference', {
    header: 'Reference',
    sortFn: 'alphanumeric',
    cell: (info) => <a href={`#/requests/${info.row.original.id}`}>{info.getValue()}</a>,
  }),
  column.accessor('personName', { header: 'Person', sortFn: 'alphanumeric', filterFn: 'includesString' }),
  column.accessor('systemName', { header: 'System', sortFn: 'alphanumeric', filterFn: 'equalsString' }),
  column.accessor((r) => REQUEST_TYPE_LABELS[r.type], { id: 'type', header: 'Type', sortFn: 'alphanumeric' }),
  column.accessor((r) => STATE_LABELS[r.state], {
    id: 'state',
    header: 'State',
    sortFn: 'alphanumeric',
    filterFn: 'equalsString',
  }),
  column.accessor((r) => urgencyKey(r), {
    id: 'sla',
    header: 'Registration standard (REG-7)',
    sortFn: 'basic',
    cell: (info) => <SlaStanding request={info.row.original} />,
  }),
  // Filter only: the standing shows as the tag in the SLA column.
  column.accessor((r) => SLA_TAGS[r.sla.target].label, { id: FILTER_ONLY, filterFn: 'equalsString' }),
]);

type Sorting = { id: string; desc: boolean }[];
/** Most urgent first, until the operator sorts otherwise; their choice is kept for this workstation. */
const URGENT_FIRST: Sorting = [{ id: 'sla', desc: false }];
const SORTABLE = new Set(['reference', 'personName', 'systemName', 'type', 'state', 'sla']);

/** The table's sorting, starting from what this workstation last chose (issue 12 §1). */
function useRememberedSorting() {
  const [sorting, setSorting] = useState<Sorting>(URGENT_FIRST);
  const chosen = useRef(false);
  useEffect(() => {
    let current = true;
    void displayPreferences.get().then(({ tableSort }) => {
      const kept = tableSort.requests;
      // A choice made before the answer came wins; a column that no longer exists is ignored.
      if (current && kept && !chosen.current && SORTABLE.has(kept.column))
        setSorting([{ id: kept.column, desc: kept.descending }]);
    });
    return () => {
      current = false;
    };
  }, []);
  const choose = (next: Sorting) => {
    chosen.current = true;
    setSorting(next);
    const first = next[0] ?? URGENT_FIRST[0]!;
    void displayPreferences.set({
      key: 'tableSort',
      table: 'requests',
      value: { column: first.id, descending: first.desc },
    });
  };
  return [sorting, choose] as const;
}

const unique = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

export function RequestsTable({ requests, caption }: { requests: AccessRequest[]; caption: string }) {
  const [sorting, setSorting] = useRememberedSorting();
  const [filters, setFilters] = useState<{ id: string; value: string }[]>([]);
  const table = useTable({
    features,
    columns,
    data: requests,
    state: { sorting, columnFilters: filters },
    onSortingChange: (updater) => setSorting(typeof updater === 'function' ? updater(sorting) : updater),
    onColumnFiltersChange: (updater) =>
      setFilters(
        (old) => (typeof updater === 'function' ? updater(old) : updater) as { id: string; value: string }[],
      ),
  });
  const filterValue = (id: string) => filters.find((f) => f.id === id)?.value ?? '';
  const setFilter = (id: string) => (value: string) =>
    setFilters((old) => [...old.filter((f) => f.id !== id), ...(value ? [{ id, value }] : [])]);
  const rows = table.getRowModel().rows;
  return (
    <>
      <div className="filters" role="search" aria-label="Filter requests">
        <SelectField
          label="System"
          value={filterValue('systemName')}
          placeholder="All systems"
          options={unique(requests.map((r) => r.systemName)).map((s) => [s, s] as const)}
          onChange={setFilter('systemName')}
        />
        <SelectField
          label="State"
          value={filterValue('state')}
          placeholder="All states"
          options={unique(requests.map((r) => STATE_LABELS[r.state])).map((s) => [s, s] as const)}
          onChange={setFilter('state')}
        />
        <SelectField
          label="SLA standing"
          value={filterValue('slaStanding')}
          placeholder="Any standing"
          options={unique(requests.map((r) => SLA_TAGS[r.sla.target].label)).map((s) => [s, s] as const)}
          onChange={setFilter('slaStanding')}
        />
        <Field
          label="Person"
          type="search"
          value={filterValue('personName')}
          onChange={(e) => setFilter('personName')(e.target.value)}
        />
      </div>
      <div className="table-scroll">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">
            {rows.length === requests.length ? caption : `${rows.length} of ${caption}`}
          </caption>
          <thead className="nhsuk-table__head">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="nhsuk-table__row">
                {group.headers
                  .filter((header) => header.column.id !== FILTER_ONLY)
                  .map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className="nhsuk-table__header"
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                      >
                        <button
                          type="button"
                          className="link-button"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span className="nhsuk-u-visually-hidden">
                            {sorted ? `, sorted ${sorted === 'asc' ? 'ascending' : 'descending'}` : ''}
                          </span>
                        </button>
                      </th>
                    );
                  })}
              </tr>
            ))}
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((row) => (
              <tr key={row.id} className="nhsuk-table__row">
                {row
                  .getAllCells()
                  .filter((cell) => cell.column.id !== FILTER_ONLY)
                  .map((cell) => (
                    <td key={cell.id} className="nhsuk-table__cell">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
