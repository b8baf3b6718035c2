using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kaimini.Tests.Features.Reports;

/// <summary>A cell of an exported file as a spreadsheet reads it: a number, or text.</summary>
public sealed record ExportCell(string Text, double? Number)
{
    public override string ToString() => Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : $"\"{Text}\"";
}

/// <summary>One table of an export: its caption, its column names and rows, or the note instead of rows.</summary>
public sealed record ExportTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ExportCell>> Rows, string? Note);

/// <summary>Reads the report's CSV (CsvHelper, in the culture's dialect) and XLSX (DocumentFormat.OpenXml)
/// back into rows of cells; a blank row separates the header block and the tables.</summary>
public static class ExportFiles
{
    public static List<List<ExportCell>> Csv(byte[] bytes, CultureInfo culture)
    {
        Assert.True(bytes.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), "The CSV starts with the UTF-8 byte-order mark.");
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(culture)
        {
            Delimiter = culture.TwoLetterISOLanguageName == "lv" ? ";" : ",",
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
        });
        var rows = new List<List<ExportCell>>();
        while (parser.Read())
        {
            rows.Add(parser.Record!.Select(text => double.TryParse(text, NumberStyles.Float, culture, out var n)
                ? new ExportCell(text, n) : new ExportCell(text, null)).ToList());
        }

        return rows;
    }

    /// <summary>The rows of one sheet (0: the report, 1: the definitions) and every sheet's name.</summary>
    public static (List<List<ExportCell>> Rows, List<string> SheetNames, Dictionary<(int Row, int Column), string> Formats) Xlsx(byte[] bytes, int sheet)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var part = (WorksheetPart)workbook.GetPartById(sheets[sheet].Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var numberFormats = workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var cellFormats = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var rows = new List<List<ExportCell>>();
        var formats = new Dictionary<(int, int), string>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<ExportCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                var type = cell.DataType?.Value;
                if (type == CellValues.InlineString)
                {
                    cells.Add(new ExportCell(cell.InlineString!.InnerText, null));
                }
                else if (type == CellValues.SharedString)
                {
                    cells.Add(new ExportCell(shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)], null));
                }
                else if (type == CellValues.String)
                {
                    cells.Add(new ExportCell(cell.CellValue?.Text ?? "", null));
                }
                else
                {
                    var n = double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
                    cells.Add(new ExportCell(cell.CellValue.Text, n));
                    var formatId = cellFormats[(int)(cell.StyleIndex?.Value ?? 0)].NumberFormatId?.Value ?? 0;
                    formats[(rows.Count, cells.Count - 1)] = numberFormats.GetValueOrDefault(formatId) ?? $"builtin {formatId}";
                }
            }

            rows.Add(cells);
        }

        return (rows, sheets.Select(s => s.Name!.Value!).ToList(), formats);
    }

    /// <summary>Splits rows at blank rows: the header block first, then each table (caption; column
    /// names; rows, or a note).</summary>
    public static (List<List<ExportCell>> Header, List<ExportTable> Tables) Split(List<List<ExportCell>> rows)
    {
        var groups = new List<List<List<ExportCell>>> { new() };
        foreach (var row in rows)
        {
            if (row.All(c => c.Text == ""))
            {
                groups.Add([]);
            }
            else
            {
                groups[^1].Add(row);
            }
        }

        var tables = groups.Skip(1).Where(g => g.Count > 0).Select(g => g.Count == 2 && g[1].Count == 1
            ? new ExportTable(g[0][0].Text, [], [], g[1][0].Text)
            : new ExportTable(g[0][0].Text, g[1].Select(c => c.Text).ToList(), g.Skip(2).Select(r => (IReadOnlyList<ExportCell>)r).ToList(), null)).ToList();
        return (groups[0], tables);
    }
}
