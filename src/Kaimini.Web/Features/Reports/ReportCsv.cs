using System.Globalization;
using Kaimini.Web.Infrastructure.Text;

namespace Kaimini.Web.Features.Reports;

/// <summary>A <see cref="ReportSheet"/> as CSV in the request's language: the header block, then each
/// table with its caption, a blank line between. Latvian: semicolons, decimal comma, dd.MM.yyyy;
/// English: commas, decimal point, "5 Jan 2026". Numbers carry no thousands separator, so a
/// spreadsheet reads them as numbers.</summary>
public static class ReportCsv
{
    public static byte[] Write(ReportSheet sheet, CultureInfo culture)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, SpreadsheetCsv.Encoding))
        using (var csv = SpreadsheetCsv.Create(writer, culture))
        {
            foreach (var row in sheet.Header)
            {
                Row(csv, row, culture);
            }

            foreach (var table in sheet.Tables)
            {
                csv.NextRecord();
                csv.WriteField(table.Caption);
                csv.NextRecord();
                if (table.Note is { } note)
                {
                    csv.WriteField(note);
                    csv.NextRecord();
                    continue;
                }

                foreach (var column in table.Columns)
                {
                    csv.WriteField(column);
                }

                csv.NextRecord();
                foreach (var row in table.Rows)
                {
                    Row(csv, row, culture);
                }
            }
        }

        return buffer.ToArray();
    }

    private static void Row(SpreadsheetCsv.Writer csv, IReadOnlyList<SheetCell> row, CultureInfo culture)
    {
        foreach (var cell in row)
        {
            if (cell.Number is { } n)
            {
                csv.WriteNumber(n, NumberFormat(cell.Format));
            }
            else
            {
                csv.WriteField(cell.Day is { } day ? ReportFormat.Day(day, culture) : cell.Text ?? "");
            }
        }

        csv.NextRecord();
    }

    /// <summary>.NET formats, as the screen writes them (one decimal where there is one); the sign of a change is written as "+" or "-" (U+002D), which every
    /// spreadsheet reads, whatever minus sign the culture prefers.</summary>
    private static string NumberFormat(SheetNumber format) => format switch
    {
        SheetNumber.Decimal => "0.#",
        SheetNumber.SignedWhole => "+0;-0;0",
        SheetNumber.SignedDecimal => "+0.#;-0.#;0",
        _ => "0",
    };
}
