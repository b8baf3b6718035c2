using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Kaimini.Web.Features.Reports;

/// <summary>Draws a <see cref="BarChart"/> as inline SVG: no script and no inline style, so the CSP
/// stays as it is, and it prints. Horizontal bars: each row's label on a line of its own (long
/// Latvian names fit), its bars below, the value written after each bar. The previous period is
/// hatched and its bars' labels name their period, so nothing depends on colour. The image has an
/// accessible name (title) and description (the figures in words); its table is beside it.</summary>
public static class BarChartSvg
{
    private const double LabelHeight = 18, BarHeight = 18, BarGap = 4, RowGap = 12, TextRoom = 230;
    private const string Green = "#0b5e3b", Ink = "#1f1f1f";

    // Latvian letters as themselves, like Razor's own encoder here; < > & and quotes are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Render(BarChart chart)
    {
        var e = Encoder;
        // Narrow charts (a breakdown in half a row) draw on a smaller canvas, so their text stays as large.
        var width = chart.Narrow ? 420 : 640;
        var textRoom = chart.Narrow ? 160 : TextRoom;
        var max = chart.Rows.SelectMany(r => r.Bars).Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max();
        var height = chart.Rows.Sum(r => LabelHeight + r.Bars.Count * (BarHeight + BarGap) + RowGap);
        var id = e.Encode(chart.Id);
        var svg = new StringBuilder();
        svg.Append($"""<svg class="report-chart" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {N(width)} {N(height)}" data-chart="{id}">""");
        svg.Append($"""<title id="{id}-title">{e.Encode(chart.Title)}</title><desc id="{id}-desc">{e.Encode(chart.Description)}</desc>""");
        svg.Append($"""<defs><pattern id="{id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">""");
        svg.Append($"""<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="{Green}" stroke-width="3"/></pattern></defs>""");
        var y = 0.0;
        foreach (var row in chart.Rows)
        {
            var scale = chart.ScalePerRow ? row.Bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max() : max;
            svg.Append($"""<text x="0" y="{N(y + 13)}" font-size="13" font-weight="bold" fill="{Ink}">{e.Encode(row.Label)}</text>""");
            y += LabelHeight;
            foreach (var bar in row.Bars)
            {
                // A hidden cell (null) or zero draws no bar, only its label ("<5", "0").
                var length = bar.Value is > 0 && scale > 0 ? Math.Max(2, (width - textRoom) * bar.Value.Value / scale) : 0;
                if (length > 0)
                {
                    var fill = bar.Previous ? $"url(#{id}-hatch)" : Green;
                    svg.Append($"""<rect x="0" y="{N(y)}" width="{N(length)}" height="{N(BarHeight)}" fill="{fill}" stroke="{Green}" stroke-width="1"/>""");
                }

                svg.Append($"""<text x="{N(length + 6)}" y="{N(y + 13)}" font-size="13" fill="{Ink}">{e.Encode(bar.Text)}</text>""");
                y += BarHeight + BarGap;
            }

            y += RowGap;
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
