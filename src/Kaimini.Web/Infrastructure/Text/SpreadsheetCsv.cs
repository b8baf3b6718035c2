using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Kaimini.Web.Infrastructure.Text;

/// <summary>CSV for spreadsheets, the same for every file the portal hands out (the directory, an
/// event's participants, reports): UTF-8 with a byte-order mark, so Excel opens ā, č, ķ … intact;
/// semicolons by default (Excel's list separator where the decimal separator is a comma, as in
/// Latvian), commas for a report in English; and every cell someone could have typed that starts with = + - @ (or a tab or a
/// carriage return) escaped with a leading apostrophe, so a spreadsheet never runs it as a formula.</summary>
public static class SpreadsheetCsv
{
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static CsvConfiguration Configuration(CultureInfo culture, string delimiter = ";") => new(culture)
    {
        Delimiter = delimiter,
        InjectionOptions = InjectionOptions.Escape,
    };

    /// <summary>The separator a spreadsheet in <paramref name="culture"/> expects: ";" where numbers
    /// have a decimal comma (Latvian), "," where they have a decimal point (English).</summary>
    public static string DelimiterFor(CultureInfo culture) => culture.NumberFormat.NumberDecimalSeparator == "," ? ";" : ",";

    /// <summary>A writer whose numbers and separator follow <paramref name="culture"/>.</summary>
    public static Writer Create(TextWriter writer, CultureInfo culture) => new(writer, Configuration(culture, DelimiterFor(culture)));

    /// <summary>A CsvWriter that also writes numbers the portal computed: those are not escaped (a
    /// negative change, "-3", is a number to the spreadsheet, not a formula); text always is.</summary>
    public sealed class Writer(TextWriter writer, CsvConfiguration configuration) : CsvWriter(writer, configuration)
    {
        private bool _number;

        /// <summary>A number in this writer's culture and the .NET <paramref name="format"/>.</summary>
        public void WriteNumber(double value, string format)
        {
            _number = true;
            try
            {
                WriteField(value.ToString(format, Configuration.CultureInfo));
            }
            finally
            {
                _number = false;
            }
        }

        protected override string? SanitizeForInjection(string? field) => _number ? field : base.SanitizeForInjection(field);
    }
}
