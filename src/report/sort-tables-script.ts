/** The file name of the script beside `report.html` (the page's policy lets it load only from there). */
export const SORT_TABLES_FILE = 'report.js';

/**
 * The script that makes the tables of `report.html` sortable: each column header becomes a
 * button (so a click, Enter or Space sorts), numeric columns sort as numbers (`3 (25.0%)` by its
 * 3, blanks and dashes last), a second press reverses, and the header says the order in
 * `aria-sort`. Plain ES2017 with no imports, written beside the page: without it the page reads
 * the same, unsorted.
 */
export const SORT_TABLES_SCRIPT = `// Sorts the tables of report.html: press a column header (click, Enter or Space); again to reverse.
(function () {
  'use strict';
  var LEADING_NUMBER = /^-?\\d+(?:\\.\\d+)?/;

  function keyOf(cell, numeric) {
    var text = cell ? cell.textContent.trim() : '';
    if (!numeric) return text;
    var m = LEADING_NUMBER.exec(text);
    return m ? parseFloat(m[0]) : null;
  }

  function compare(a, b, numeric) {
    return numeric ? a - b : a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
  }

  function sortBy(table, column, header) {
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    var numeric = header.classList.contains('num');
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, i) {
      return { row: row, i: i, key: keyOf(row.cells[column], numeric) };
    });
    rows.sort(function (x, y) {
      var blankX = x.key === null || x.key === '';
      var blankY = y.key === null || y.key === '';
      if (blankX || blankY) return blankX === blankY ? x.i - y.i : blankX ? 1 : -1;
      return (ascending ? 1 : -1) * compare(x.key, y.key, numeric) || x.i - y.i;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }

  Array.prototype.forEach.call(document.querySelectorAll('table'), function (table) {
    if (!table.tHead || !table.tBodies[0] || table.tBodies[0].rows.length < 2) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.title = 'Sort by this column (again to reverse)';
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener('click', function () { sortBy(table, column, header); });
    });
    table.classList.add('sortable');
  });
})();
`;
