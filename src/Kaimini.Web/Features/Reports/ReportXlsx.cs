using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using XCell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Kaimini.Web.Features.Reports;

/// <summary>A <see cref="ReportSheet"/> as an XLSX workbook (DocumentFormat.OpenXml): the report on
/// the first sheet, the definitions on the second. Numbers are numeric cells with a number format,
/// so Excel shows them with the reader's own decimal separator and can add them up; days are date
/// cells shown as dd.mm.yyyy (Latvian) or "5 Jan 2026" (English). Text is written as inline
/// strings: a text cell is never evaluated, whatever it starts with. Hidden cells are the text
/// "&lt;5" or "slēpts", never the number.</summary>
public static class ReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell formats (indexes into cellXfs, in the order Styles() writes them).
    private const uint Plain = 0, Bold = 1, Whole = 2, Decimal = 3, SignedWhole = 4, SignedDecimal = 5, Day = 6, Title = 7, Wrapped = 8;

    public static byte[] Write(ReportSheet sheet, CultureInfo culture)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles(culture);
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            AddSheet(workbook, sheets, 1, sheet.SheetName, ReportRows(sheet), [44, 16, 14, 14, 12, 12, 30, 70]);
            AddSheet(workbook, sheets, 2, sheet.DefinitionsName, TableRows(sheet.Definitions, caption: false), [40, 36, 80, 30, 16]);
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static IEnumerable<Row> ReportRows(ReportSheet sheet)
    {
        var rows = sheet.Header.Select((cells, i) => Row(cells, i == 0 ? Title : null)).ToList();
        foreach (var table in sheet.Tables)
        {
            rows.Add(new Row());
            rows.AddRange(TableRows(table, caption: true));
        }

        return rows;
    }

    private static IEnumerable<Row> TableRows(SheetTable table, bool caption)
    {
        if (caption)
        {
            yield return Row([SheetCell.Of(table.Caption)], Bold);
        }

        if (table.Note is { } note)
        {
            yield return Row([SheetCell.Of(note)]);
            yield break;
        }

        yield return Row(table.Columns.Select(c => SheetCell.Of(c)).ToList(), Bold);
        foreach (var row in table.Rows)
        {
            yield return Row(row, caption ? null : Wrapped);
        }
    }

    private static Row Row(IReadOnlyList<SheetCell> cells, uint? style = null)
    {
        var row = new Row();
        foreach (var cell in cells)
        {
            row.AppendChild(Cell(cell, style));
        }

        return row;
    }

    private static XCell Cell(SheetCell cell, uint? style)
    {
        if (cell.Number is { } n)
        {
            return new XCell
            {
                DataType = CellValues.Number,
                CellValue = new CellValue(n),
                StyleIndex = cell.Format switch
                {
                    SheetNumber.Decimal => Decimal,
                    SheetNumber.SignedWhole => SignedWhole,
                    SheetNumber.SignedDecimal => SignedDecimal,
                    _ => Whole,
                },
            };
        }

        if (cell.Day is { } day)
        {
            return new XCell
            {
                CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate()),
                StyleIndex = Day,
            };
        }

        return new XCell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(cell.Text ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = cell.Bold ? Bold : style ?? Plain,
        };
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IEnumerable<Row> rows, double[] widths)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        part.Worksheet = new Worksheet(columns, new SheetData(rows));
        // Excel allows 31 characters and none of : \ / ? * [ ] in a sheet's name.
        var safe = new string(name.Where(c => !":\\/?*[]".Contains(c)).ToArray());
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = safe[..Math.Min(safe.Length, 31)] });
    }

    /// <summary>Fonts (normal, bold, large bold), the number formats and the cell formats indexed by
    /// the constants above. Number formats are written in Excel's invariant notation; Excel shows
    /// them with the reader's separators.</summary>
    private static Stylesheet Styles(CultureInfo culture) => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "+#,##0;-#,##0;0" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "+#,##0.0;-#,##0.0;0.0" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = ReportFormat.SpreadsheetDay(culture) })
        { Count = 4 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 167, ApplyNumberFormat = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Left } },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 9 });
}
